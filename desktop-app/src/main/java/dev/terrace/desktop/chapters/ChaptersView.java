package dev.terrace.desktop.chapters;

import atlantafx.base.theme.Styles;
import dev.terrace.core.model.Chapter;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import dev.terrace.desktop.model.ResourceCondition;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The chapter list on the left: number, title and live badge; selecting one opens its panel. */
public final class ChaptersView extends ListView<ChapterItem> {

    public ChaptersView(ChaptersViewModel viewModel) {
        super(viewModel.chapters());
        setId("chapters");
        setMinWidth(300);
        setPrefWidth(340);
        setCellFactory(list -> {
            ChapterCell cell = new ChapterCell();
            // The row takes the list's width, so a long title shortens instead of pushing the badge out.
            cell.setPrefWidth(0);
            cell.row.maxWidthProperty().bind(widthProperty().subtract(24));
            cell.row.prefWidthProperty().bind(widthProperty().subtract(24));
            return cell;
        });
        getSelectionModel().select(viewModel.item(viewModel.selectedProperty().get()));
        getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.selectedProperty().set(after.chapter());
            }
        });
        viewModel.selectedProperty().addListener((observable, before, after) ->
                getSelectionModel().select(viewModel.item(after)));
    }

    /** One chapter: "11  Cloud Run" on the left, the badge on the right. */
    private static final class ChapterCell extends ListCell<ChapterItem> {

        private final Label number = new Label();
        private final Label title = new Label();
        private final Label badge = new Label();
        private final HBox row;
        private final ChangeListener<ChapterBadge> onBadge = (observable, before, after) -> showBadge(after);
        private ChapterItem boundItem;

        ChapterCell() {
            number.getStyleClass().add(Styles.TEXT_MUTED);
            number.setMinWidth(24);
            badge.getStyleClass().add(Styles.TEXT_SMALL);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            title.setMinWidth(0);
            title.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            row = new HBox(8, number, title, spacer, badge);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ChapterItem item, boolean empty) {
            super.updateItem(item, empty);
            if (boundItem != null) {
                boundItem.badgeProperty().removeListener(onBadge);
            }
            boundItem = empty ? null : item;
            if (boundItem == null) {
                setGraphic(null);
                return;
            }
            Chapter chapter = item.chapter();
            number.setText(chapter.label());
            title.setText(chapter.title());
            badge.setId("badge-" + chapter.label());
            showBadge(item.badge());
            item.badgeProperty().addListener(onBadge);
            setGraphic(row);
        }

        private void showBadge(ChapterBadge value) {
            // Compact on screen (an icon, and a count unless all is in place); the words go to the tooltip.
            ResourceCondition headline = value.headline();
            badge.setText(headline == null || headline == ResourceCondition.IN_PLACE ? ""
                    : String.valueOf(value.count(headline)));
            badge.setTooltip(value.text().isEmpty() ? null : new Tooltip(value.text()));
            badge.setAccessibleText(value.text());
            ConditionStyles.apply(badge, value.headline());
        }
    }
}
