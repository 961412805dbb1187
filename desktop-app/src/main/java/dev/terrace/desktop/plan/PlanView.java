package dev.terrace.desktop.plan;

import atlantafx.base.theme.Styles;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.plan.Action;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.common.DiagnosticCell;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The plan screen: the changes grouped by chapter in a tree, and the diagnostics below. */
public final class PlanView extends VBox {

    public PlanView(PlanViewModel viewModel) {
        super(8);
        setId("plan-view");
        setPadding(new Insets(12));

        Label summary = new Label();
        summary.setId("plan-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.textProperty().bind(viewModel.summaryProperty());
        viewModel.blockedProperty().addListener((observable, before, after) -> {
            summary.getStyleClass().remove(Styles.DANGER);
            if (after) {
                summary.getStyleClass().add(Styles.DANGER);
            }
        });

        CheckBox unchanged = new CheckBox(Texts.get("plan.show_unchanged"));
        unchanged.selectedProperty().bindBidirectional(viewModel.showUnchangedProperty());

        TreeView<Object> tree = new TreeView<>(new TreeItem<>());
        tree.setId("plan-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new PlanCell());
        viewModel.groups().addListener((ListChangeListener<PlanGroup>) change -> fill(tree, viewModel.groups()));
        fill(tree, viewModel.groups());

        ListView<Diagnostic> diagnostics = new ListView<>(viewModel.diagnostics());
        diagnostics.setId("plan-diagnostics");
        diagnostics.setCellFactory(view -> new DiagnosticCell());
        diagnostics.setPlaceholder(new Label(Texts.get("plan.no_diagnostics")));

        SplitPane split = new SplitPane(tree, diagnostics);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(new HBox(12, summary), unchanged, split);
    }

    private static void fill(TreeView<Object> tree, List<PlanGroup> groups) {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (PlanGroup group : groups) {
            TreeItem<Object> groupItem = new TreeItem<>(group);
            groupItem.setExpanded(true);
            for (PlanEntry entry : group.entries()) {
                TreeItem<Object> entryItem = new TreeItem<>(entry);
                entryItem.setExpanded(entry.details().size() <= 6);
                entry.details().forEach(detail -> entryItem.getChildren().add(new TreeItem<>(detail)));
                groupItem.getChildren().add(entryItem);
            }
            root.getChildren().add(groupItem);
        }
    }

    /** A chapter heading, a change with its glyph coloured by action, or a detail line. */
    private static final class PlanCell extends TreeCell<Object> {

        private static final List<String> COLOURS = List.of(Styles.SUCCESS, Styles.WARNING, Styles.DANGER,
                Styles.TEXT_BOLD, Styles.TEXT_MUTED);

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(COLOURS);
            setStyle("");
            if (empty || item == null) {
                setText(null);
                return;
            }
            if (item instanceof PlanGroup group) {
                setText(group.headline());
                getStyleClass().add(Styles.TEXT_BOLD);
            } else if (item instanceof PlanEntry entry) {
                setText(entry.headline());
                setStyle("-fx-font-family: monospace;");
                getStyleClass().add(colour(entry.action()));
            } else {
                setText(item.toString());
                setStyle("-fx-font-family: monospace;");
                getStyleClass().add(Styles.TEXT_MUTED);
            }
        }

        private static String colour(Action action) {
            switch (action) {
                case CREATE:
                    return Styles.SUCCESS;
                case UPDATE:
                    return Styles.WARNING;
                case REPLACE:
                case DELETE:
                    return Styles.DANGER;
                case NO_OP:
                default:
                    return Styles.TEXT_MUTED;
            }
        }
    }
}
