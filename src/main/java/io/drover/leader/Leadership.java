package io.drover.leader;

/**
 * Whether this Drover instance may act now. Of several replicas only the leader runs passes and
 * writes; asked before every pass and again before every write, because leadership can end mid-pass.
 */
public interface Leadership {

    boolean isLeader();
}
