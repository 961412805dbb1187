package dev.terrace.desktop.chapters;

import atlantafx.base.theme.Styles;
import dev.terrace.core.port.ContainerImage;
import dev.terrace.desktop.Texts;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The registry's images as a table: tags, upload time, size and the address by digest. */
public final class ImagesView extends VBox {

    public ImagesView(ImagesViewModel viewModel) {
        super(6);
        setId("chapter-images");
        Label heading = new Label(Texts.get("images.heading"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label message = new Label();
        message.setId("images-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        TableView<ContainerImage> table = new TableView<>(viewModel.images());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        table.setPlaceholder(new Label(Texts.get("images.none")));
        table.getColumns().addAll(List.of(
                column("images.column.tags", image -> String.join(", ", image.tags()), 200),
                column("images.column.uploaded", image -> image.uploaded() == null ? "" : image.uploaded().toString(), 200),
                column("images.column.size", image -> image.sizeBytes() == 0 ? ""
                        : String.format(Locale.ROOT, "%.1f MB", image.sizeBytes() / 1_000_000.0), 90),
                column("images.column.uri", ContainerImage::uri, 400)));
        getChildren().addAll(heading, message, table);
        visibleProperty().bind(viewModel.visibleProperty());
        managedProperty().bind(visibleProperty());
    }

    private static TableColumn<ContainerImage, String> column(String key,
            java.util.function.Function<ContainerImage, String> value, double width) {
        TableColumn<ContainerImage, String> column = new TableColumn<>(Texts.get(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
