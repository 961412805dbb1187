package dev.terrace.desktop.secrets;

/** A clipboard that is one field, so tests can read what was copied and whether it was cleared. */
final class FakeClipboard implements SecretClipboard {

    private String text;

    @Override
    public synchronized void put(String copied) {
        text = copied;
    }

    @Override
    public synchronized String text() {
        return text;
    }

    @Override
    public synchronized void clear() {
        text = null;
    }
}
