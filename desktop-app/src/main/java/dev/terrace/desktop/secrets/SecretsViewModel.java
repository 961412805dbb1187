package dev.terrace.desktop.secrets;

import dev.terrace.core.secret.EnvImport;
import dev.terrace.core.secret.ImportPreview;
import dev.terrace.core.secret.SecretBytes;
import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.PollTimer;
import dev.terrace.session.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The secret editor's state and commands. Every call of the {@link SecretEditor} runs on the
 * background runner. A value arrives as a {@code char[]} or {@code byte[]} that this class wipes
 * once the call ends, and no property, list or message of it ever contains a value, so a log or a
 * snapshot of the view model cannot leak one.
 */
public final class SecretsViewModel implements AutoCloseable {

    private final ConsoleModel model;
    private final ObservableList<SecretEntry> secrets = FXCollections.observableArrayList();
    private final ObjectProperty<SecretEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** The editor calls in flight; a change counts until the list it reads afterwards arrives. */
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper(this, "comparison", "");
    private final ObservableList<String> impactNotes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportPreview> importPreview = new ReadOnlyObjectWrapper<>(this, "importPreview");
    private final RevealWindow reveal;
    private final ClipboardGuard clipboard;
    /** The parsed .env file between its preview and its import or cancel; it contains values until closed. */
    private EnvImport pendingImport;

    public SecretsViewModel(ConsoleModel model, PollTimer timer, SecretClipboard systemClipboard) {
        this.model = model;
        this.reveal = new RevealWindow(timer, model.runner().ui());
        this.clipboard = new ClipboardGuard(systemClipboard, timer, model.runner().ui());
        selected.addListener((observable, before, after) -> {
            if (before == null || after == null || !before.secretId().equals(after.secretId())) {
                reveal.hide();
                comparison.set("");
                problem.set("");
                impactNotes.clear();
            }
        });
        model.workspaceProperty().addListener((observable, before, after) -> {
            cancelImport();
            secrets.clear();
            selected.set(null);
            refresh();
        });
    }

    /** Returns the stack's secrets, then the project's unmanaged ones. */
    public ObservableList<SecretEntry> secrets() {
        return secrets;
    }

    /** Returns the secret whose versions and readers are shown and whose versions the commands change. */
    public ObjectProperty<SecretEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Returns why the last command was rejected or failed; empty after one that worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Returns what the last command did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the outcome of the last comparison: same or different, and the lengths. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Returns what the last change means for the running revisions of the services and jobs that read the secret. */
    public ObservableList<String> impactNotes() {
        return impactNotes;
    }

    /** Returns the preview of the .env file waiting for {@link #applyImport()} or {@link #cancelImport()}, or null. */
    public ReadOnlyObjectProperty<ImportPreview> importPreviewProperty() {
        return importPreview.getReadOnlyProperty();
    }

    /** Returns whether the value being typed is shown in clear; it hides again after {@link RevealWindow#TIMEOUT}. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return reveal.revealedProperty();
    }

    /** Returns the rule a new value of the selected secret must pass, to show before it is sent. */
    public String rule() {
        SecretEntry entry = selected.get();
        if (entry == null) {
            return "";
        }
        String limit = Texts.get("secrets.rule.limit", SecretEditor.MAX_VALUE_BYTES);
        String specific = Texts.getOr("secrets.rule." + entry.secretId(), "");
        return specific.isEmpty() ? limit : specific + " " + limit;
    }

    /** Reads the secrets again and keeps the selection by name. */
    public void refresh() {
        run("list secrets", SecretEditor::list, this::show, () -> { });
    }

    /** Adds typed text as the selected secret's newest version and wipes {@code value} afterwards. */
    public void addVersion(char[] value) {
        String secretId = selectedIdOrWipe(value);
        if (secretId == null) {
            return;
        }
        reveal.hide();
        change("add a version", editor -> editor.addVersion(secretId, value), () -> SecretBytes.wipe(value));
    }

    /** Reads a file in the background and adds its bytes as the selected secret's newest version. */
    public void addVersionFromFile(Path file) {
        SecretEntry entry = selected.get();
        if (entry == null) {
            return;
        }
        change("add a version from a file", editor -> {
            byte[] value = SecretFiles.read(file);
            try {
                return editor.addVersion(entry.secretId(), value);
            } finally {
                SecretBytes.wipe(value);
            }
        }, () -> { });
    }

    /** Adds a new Django secret key to the selected secret; the key never leaves the core. */
    public void addGeneratedKey() {
        String secretId = selectedId();
        if (secretId != null) {
            change("add a generated key", editor -> editor.addGeneratedDjangoKey(secretId), () -> { });
        }
    }

    public void enable(String version) {
        String secretId = selectedId();
        if (secretId != null) {
            change("enable a version", editor -> editor.enable(secretId, version), () -> { });
        }
    }

    public void disable(String version) {
        String secretId = selectedId();
        if (secretId != null) {
            change("disable a version", editor -> editor.disable(secretId, version), () -> { });
        }
    }

    /**
     * Checks whether a version may be destroyed, without changing it: runs {@code allowed} when it
     * may, and shows the reason in {@link #problemProperty()} when it may not.
     */
    public void checkDestroy(String version, boolean force, Runnable allowed) {
        String secretId = selectedId();
        if (secretId != null) {
            run("check a destroy", editor -> editor.checkDestroy(secretId, version, force), checked -> allowed.run(),
                    () -> { });
        }
    }

    /** Destroys a version for good; {@code typedName} must be the secret's name. */
    public void destroy(String version, String typedName, boolean force) {
        String secretId = selectedId();
        if (secretId != null) {
            change("destroy a version", editor -> editor.destroy(secretId, version, typedName, force), () -> { });
        }
    }

    /** Compares two versions of the selected secret without reading either into the console. */
    public void compare(String first, String second) {
        String secretId = selectedId();
        if (secretId == null) {
            return;
        }
        comparison.set("");
        run("compare versions", editor -> editor.compare(secretId, first, second),
                result -> comparison.set(SecretMessages.comparison(result)), () -> { });
    }

    /** Parses a .env file and previews its import; wipes {@code envFile} when the preview ends. */
    public void previewImport(byte[] envFile) {
        cancelImport();
        run("preview a .env import", editor -> previewed(editor, envFile), this::showPreview,
                () -> SecretBytes.wipe(envFile));
    }

    /** Reads a .env file in the background and previews its import. */
    public void previewImport(Path envFile) {
        cancelImport();
        run("preview a .env import", editor -> {
            byte[] content = SecretFiles.read(envFile);
            try {
                return previewed(editor, content);
            } finally {
                SecretBytes.wipe(content);
            }
        }, this::showPreview, () -> { });
    }

    /** Imports the previewed .env file, then wipes its values. */
    public void applyImport() {
        EnvImport parsed = pendingImport;
        if (parsed == null) {
            return;
        }
        pendingImport = null;
        importPreview.set(null);
        run("import a .env file", editor -> parsed.apply(), changes -> {
            message.set(Texts.get("secrets.imported", changes.size()));
            List<String> notes = new ArrayList<>();
            changes.forEach(change -> notes.addAll(change.impact().notes()));
            impactNotes.setAll(notes);
            refresh();
        }, parsed::close);
    }

    /** Drops the previewed .env file and wipes its values. */
    public void cancelImport() {
        if (pendingImport != null) {
            pendingImport.close();
            pendingImport = null;
        }
        importPreview.set(null);
    }

    /** Writes every secret's name, never a value, to {@code target} in the .env format. */
    public void exportExample(Path target) {
        run("export .env.example", editor -> {
            Files.writeString(target, editor.exampleEnv(), StandardCharsets.UTF_8);
            return target;
        }, written -> message.set(Texts.get("secrets.exported", written)), () -> { });
    }

    /** Shows the value being typed for the selected secret until the timeout or another secret is chosen. */
    public void reveal() {
        if (selected.get() != null) {
            reveal.reveal();
        }
    }

    public void hide() {
        reveal.hide();
    }

    /** Copies a value to the clipboard, which is emptied again after 30 s; wipes {@code value}. */
    public void copy(char[] value) {
        try {
            if (value.length > 0) {
                clipboard.copy(value);
                message.set(Texts.get("secrets.copied", ClipboardGuard.TIMEOUT.toSeconds()));
            }
        } finally {
            SecretBytes.wipe(value);
        }
    }

    /** Drops a pending import and empties the clipboard if it still contains a copied value. */
    @Override
    public void close() {
        cancelImport();
        reveal.hide();
        clipboard.expire();
    }

    private void change(String name, Function<SecretEditor, SecretChange> work, Runnable cleanup) {
        run(name, work::apply, done -> {
            message.set(Texts.get("secrets.changed", done.version().secretId(), done.version().version(),
                    done.version().state().toLowerCase(java.util.Locale.ROOT)));
            List<String> notes = new ArrayList<>(done.impact().notes());
            if (done.impact().rolloutSuggested()) {
                // TODO: no gateway port starts a new revision of an unchanged service yet, so the console only shows this note.
                notes.add(Texts.get("secrets.rollout_missing"));
            }
            impactNotes.setAll(notes);
            refresh();
        }, cleanup);
    }

    /** Runs one editor call in the background; {@code cleanup} runs on the background thread when the call ends. */
    private <T> void run(String name, EditorCall<T> work, Consumer<T> done, Runnable cleanup) {
        Workspace open = model.workspace();
        if (open == null) {
            cleanup.run();
            return;
        }
        busy.set(running.incrementAndGet() > 0);
        problem.set("");
        Callable<T> call = () -> {
            try {
                return work.call(new SecretEditor(open.stack(), open.gateway()));
            } finally {
                cleanup.run();
            }
        };
        model.runner().run(name, call, result -> {
            if (model.workspace() == open) {
                done.accept(result);
            } else if (result instanceof PreviewedImport stale) {
                stale.parsed().close();
            }
            busy.set(running.decrementAndGet() > 0);
        }, failed -> {
            problem.set(SecretMessages.failure(failed));
            busy.set(running.decrementAndGet() > 0);
        });
    }

    private static PreviewedImport previewed(SecretEditor editor, byte[] envFile) {
        EnvImport parsed = editor.importEnv(envFile);
        try {
            return new PreviewedImport(parsed, parsed.preview());
        } catch (RuntimeException failed) {
            parsed.close();
            throw failed;
        }
    }

    private void showPreview(PreviewedImport previewed) {
        pendingImport = previewed.parsed();
        importPreview.set(previewed.preview());
    }

    private void show(List<SecretEntry> listed) {
        String chosen = selectedId();
        secrets.setAll(listed);
        selected.set(listed.stream().filter(entry -> entry.secretId().equals(chosen)).findFirst()
                .orElse(listed.isEmpty() ? null : listed.get(0)));
    }

    private String selectedId() {
        SecretEntry entry = selected.get();
        return entry == null ? null : entry.secretId();
    }

    private String selectedIdOrWipe(char[] value) {
        String secretId = selectedId();
        if (secretId == null) {
            SecretBytes.wipe(value);
        }
        return secretId;
    }

    /** One blocking call of the editor. */
    @FunctionalInterface
    private interface EditorCall<T> {

        T call(SecretEditor editor) throws Exception;
    }

    private record PreviewedImport(EnvImport parsed, ImportPreview preview) {
    }
}
