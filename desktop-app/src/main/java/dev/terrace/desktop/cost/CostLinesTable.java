package dev.terrace.desktop.cost;

import dev.terrace.desktop.Texts;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Line items as a table: the monthly cost, the resource, the price item, the free allowance
 * applied and the formula. The cost screen and the chapter panels both show it; it is as tall as
 * its rows, up to {@code maxRows}, so a short list takes little room.
 */
public final class CostLinesTable extends TableView<CostRow> {

    private static final double ROW_HEIGHT = 28;

    public CostLinesTable(ObservableList<CostRow> rows, int maxRows) {
        super(rows);
        // Columns keep their widths and the table scrolls sideways, so figures are never cut to "...".
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label(Texts.get("cost.no_lines")));
        setFixedCellSize(ROW_HEIGHT);
        TableColumn<CostRow, String> cost = column("cost.column.cost", CostRow::cost, 90);
        cost.setStyle("-fx-alignment: CENTER-RIGHT;");
        getColumns().addAll(List.of(cost,
                column("cost.column.resource", CostRow::address, 210),
                column("cost.column.item", CostRow::item, 300),
                column("cost.column.free", CostRow::free, 220),
                column("cost.column.formula", CostRow::formula, 640)));
        // One extra row for the header, and a little more for the horizontal scroll bar.
        prefHeightProperty().bind(Bindings.min(maxRows, Bindings.max(1, Bindings.size(rows)))
                .add(1.6).multiply(ROW_HEIGHT));
        setMinHeight(USE_PREF_SIZE);
    }

    private static TableColumn<CostRow, String> column(String key, Function<CostRow, String> value, double width) {
        TableColumn<CostRow, String> column = new TableColumn<>(Texts.get(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setCellFactory(view -> new TipCell());
        column.setPrefWidth(width);
        return column;
    }

    /** A cell with its whole text as a tooltip, because formulas are often wider than their column. */
    private static final class TipCell extends TableCell<CostRow, String> {

        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isEmpty();
            setText(empty ? null : item);
            tip.setText(blank ? "" : item);
            setTooltip(blank ? null : tip);
        }
    }
}
