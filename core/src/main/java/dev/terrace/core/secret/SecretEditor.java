package dev.terrace.core.secret;

import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.stack.Stack;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret operations of the console's editor and of {@code terrace secrets}. Every method
 * blocks on the cloud, so a UI calls it off its event thread. Values go in only as {@code byte[]}
 * or {@code char[]}, and the caller wipes its own array after the call. No method returns a
 * value. Input is checked before any call that changes the cloud, and a rejected operation raises
 * {@link SecretInputException} with nothing changed.
 */
public final class SecretEditor {

    /** Secret Manager's maximum payload size, 64 KiB; a longer value is rejected. */
    public static final int MAX_VALUE_BYTES = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(SecretEditor.class);

    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,18}");

    private final Gateway gateway;
    private final SecretValues values;
    private final SecretCatalogue catalogue;

    public SecretEditor(Stack stack, Gateway gateway) {
        this.gateway = gateway;
        this.values = gateway.secretValues();
        this.catalogue = new SecretCatalogue(stack, values);
    }

    /** Lists the stack's secrets, then the project's unmanaged ones, with versions and readers. */
    public List<SecretEntry> list() {
        return catalogue.list();
    }

    /** Reads one secret; raises {@link SecretInputException} when neither the stack nor the project has it. */
    public SecretEntry secret(String secretId) {
        return catalogue.find(secretId);
    }

    /** Checks a value and adds it as the secret's newest version; the caller wipes {@code value}. */
    public SecretChange addVersion(String secretId, byte[] value) {
        SecretEntry entry = existing(secretId);
        SecretValueCheck.check(secretId, value, catalogue.isText(secretId));

        SecretVersion added = values.add(secretId, value);
        LOG.info("Added version {} to secret {} in project {}", added.version(), secretId, gateway.project());
        return new SecretChange(added, ImpactNotes.afterAdd(secretId, entry.readers(), added));
    }

    /** Adds text as a version, encoded as UTF-8; the caller wipes {@code value}. */
    public SecretChange addVersion(String secretId, char[] value) {
        byte[] encoded = SecretBytes.utf8(value);
        try {
            return addVersion(secretId, encoded);
        } finally {
            SecretBytes.wipe(encoded);
        }
    }

    /** Adds a new {@link DjangoKey} as a version without the key ever leaving this method. */
    public SecretChange addGeneratedDjangoKey(String secretId) {
        char[] key = DjangoKey.generate();
        try {
            return addVersion(secretId, key);
        } finally {
            SecretBytes.wipe(key);
        }
    }

    public SecretChange enable(String secretId, String version) {
        SecretEntry entry = existing(secretId);
        requireNotDestroyed(entry, requireVersion(entry, version));

        return afterStateChange(entry, values.enable(secretId, version));
    }

    /** Disables a version; a service or job that pins it cannot start new instances until it is enabled again. */
    public SecretChange disable(String secretId, String version) {
        SecretEntry entry = existing(secretId);
        requireNotDestroyed(entry, requireVersion(entry, version));

        return afterStateChange(entry, values.disable(secretId, version));
    }

    /**
     * Runs every check of {@link #destroy} except the typed confirmation, without changing anything,
     * so a caller can explain a rejection before asking for the name.
     *
     * @param force whether a version a service or job of the stack pins may be destroyed
     * @return the version as it is now
     */
    public SecretVersion checkDestroy(String secretId, String version, boolean force) {
        SecretEntry entry = existing(secretId);
        SecretVersion current = requireVersion(entry, version);
        requireNotDestroyed(entry, current);
        List<SecretReader> pinning = entry.readers().stream()
                .filter(reader -> reader.pinned() && reader.version().equals(version)).toList();
        if (!pinning.isEmpty() && !force) {
            throw SecretInputException.of("secret.destroy_pinned", secretId, version, pinning.stream()
                    .map(reader -> reader.resource() + " (" + reader.envVar() + ")").collect(Collectors.joining(", ")));
        }
        return current;
    }

    /**
     * Destroys a version for good.
     *
     * @param typedName the secret name as the user typed it to confirm; it must equal {@code secretId}
     * @param force whether to destroy a version a service or job of the stack pins
     */
    public SecretChange destroy(String secretId, String version, String typedName, boolean force) {
        checkDestroy(secretId, version, force);
        if (!secretId.equals(typedName)) {
            throw SecretInputException.of("secret.destroy_unconfirmed", secretId, version);
        }

        SecretEntry entry = existing(secretId);
        return afterStateChange(entry, values.destroy(secretId, version));
    }

    /** Compares two enabled versions in constant time and returns only whether they match and their lengths. */
    public VersionComparison compare(String secretId, String first, String second) {
        SecretEntry entry = existing(secretId);
        requireEnabled(entry, requireVersion(entry, first));
        requireEnabled(entry, requireVersion(entry, second));

        byte[] firstValue = values.access(secretId, first);
        byte[] secondValue = null;
        try {
            secondValue = values.access(secretId, second);
            return new VersionComparison(secretId, first, second, MessageDigest.isEqual(firstValue, secondValue),
                    firstValue.length, secondValue.length);
        } finally {
            SecretBytes.wipe(firstValue);
            SecretBytes.wipe(secondValue);
        }
    }

    /** Parses a {@code .env} file's content for a preview and import; the caller closes the result to wipe it. */
    public EnvImport importEnv(byte[] envFile) {
        return new EnvImport(this, EnvFile.parse(envFile));
    }

    /** Returns the text of a {@code .env.example}: every secret's name with an empty value. */
    public String exampleEnv() {
        return EnvFile.example(list().stream().map(SecretEntry::secretId).toList());
    }

    SecretCatalogue catalogue() {
        return catalogue;
    }

    Gateway gateway() {
        return gateway;
    }

    /** Reads a secret that must exist in the project, not only in the stack. */
    SecretEntry existing(String secretId) {
        SecretEntry entry = catalogue.find(secretId);
        if (!entry.exists()) {
            throw SecretInputException.of("secret.not_created", secretId, gateway.project());
        }
        return entry;
    }

    private SecretChange afterStateChange(SecretEntry before, SecretVersion changed) {
        LOG.info("Version {} of secret {} in project {} is now {}", changed.version(), before.secretId(),
                gateway.project(), changed.state());
        SecretVersion newest = before.latest().orElse(changed);
        return new SecretChange(changed, ImpactNotes.afterStateChange(before.secretId(), before.readers(), changed,
                newest));
    }

    private static SecretVersion requireVersion(SecretEntry entry, String version) {
        if (version == null || !VERSION_NUMBER.matcher(version).matches()) {
            throw SecretInputException.of("secret.version_invalid", entry.secretId(), String.valueOf(version));
        }
        return entry.version(version).orElseThrow(() -> SecretInputException.of("secret.version_missing",
                entry.secretId(), version, versionList(entry)));
    }

    private static void requireNotDestroyed(SecretEntry entry, SecretVersion version) {
        if (version.state().equals("DESTROYED")) {
            throw SecretInputException.of("secret.version_destroyed", entry.secretId(), version.version());
        }
    }

    private static void requireEnabled(SecretEntry entry, SecretVersion version) {
        if (!version.state().equals("ENABLED")) {
            throw SecretInputException.of("secret.compare_not_enabled", entry.secretId(), version.version(),
                    version.state());
        }
    }

    private static String versionList(SecretEntry entry) {
        if (entry.versions().isEmpty()) {
            return "none";
        }
        return entry.versions().stream().map(SecretVersion::version).collect(Collectors.joining(", "));
    }
}
