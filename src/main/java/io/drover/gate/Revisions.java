package io.drover.gate;

/** Git revisions as people read them in a comment: a commit's first 12 characters. */
final class Revisions {

    private Revisions() {
    }

    static String brief(String revision) {
        return revision.matches("[0-9a-fA-F]{40}") ? revision.substring(0, 12) : revision;
    }
}
