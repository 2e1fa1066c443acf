package io.drover.leader;

/** A single instance (the CLI, tests, one replica): nobody else can act, so this one always may. */
public final class AlwaysLeader implements Leadership {

    public static final AlwaysLeader INSTANCE = new AlwaysLeader();

    private AlwaysLeader() {
    }

    @Override
    public boolean isLeader() {
        return true;
    }
}
