package dev.terrace.desktop;

import com.sun.management.OperatingSystemMXBean;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.model.ConsoleModel;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs when the window first shows and when the first plan and the first resource status reach
 * the model: milliseconds since the JVM started, and the process's CPU time by then. The CPU time
 * separates a slow start from a start on a busy machine. The launch benchmark reads these lines.
 */
final class StartupTimings {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimings.class);

    private StartupTimings() {
    }

    static void install(ConsoleModel model, Node root) {
        onFirstShowing(root);
        model.planProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Plan> observable, Plan before, Plan after) {
                if (after != null) {
                    log("First plan loaded");
                    observable.removeListener(this);
                }
            }
        });
        model.statuses().addListener(new MapChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Address, ? extends ResourceStatus> change) {
                if (change.wasAdded()) {
                    log("First status loaded");
                    model.statuses().removeListener(this);
                }
            }
        });
    }

    private static void onFirstShowing(Node root) {
        once(root.sceneProperty(), scene -> once(scene.windowProperty(), window -> once(window.showingProperty(),
                showing -> {
                    if (showing) {
                        log("Window showing");
                    }
                })));
    }

    /** Calls {@code action} with the first non-null value the property takes, then stops listening. */
    private static <T> void once(ObservableValue<T> property, Consumer<T> action) {
        property.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> observable, T before, T after) {
                if (after != null) {
                    observable.removeListener(this);
                    action.accept(after);
                }
            }
        });
    }

    private static void log(String moment) {
        long cpuMillis = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1_000_000;
        LOG.info("{} {} ms after the JVM started, after {} ms of process CPU time", moment,
                ManagementFactory.getRuntimeMXBean().getUptime(), cpuMillis);
    }
}
