package io.drover.argocd.standin;

import io.drover.argocd.ArgoCdApplications;
import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.gate.ApplicationState;
import io.drover.gate.Observation;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * An embedded Argo CD for {@code drover demo}, behind the same port as Argo CD's API so that the
 * real {@link io.drover.argocd.ArgoCdGate} judges it. On every question it looks at the tip of
 * the fleet repo's branch, as Argo CD polls it, and derives the Applications from the
 * ApplicationSets and the cluster Secrets' labels at that revision, as the ApplicationSet
 * controller's generators do (the same derivation Drover's gate names them by). Every
 * Application then moves through a sync of the new revision on the clock ({@link AppTimeline},
 * {@link StandInTiming}); those no longer generated are deleted. {@link #degrade} makes one
 * Application end Degraded after its next sync, to show a failing gate.
 */
public final class ArgoCdStandIn implements ArgoCdApplications {

    private final Repository repository;
    private final String branch;
    private final String repoUrl;
    private final Clock clock;
    private final StandInTiming timing;
    private final Map<String, Map<String, ExpectedApplication>> generatedAt = new HashMap<>();
    private final Map<String, AppTimeline> apps = new LinkedHashMap<>();
    private final Map<String, Instant> deleting = new HashMap<>();
    private final Set<String> degradeNextSync = new HashSet<>();
    private String seen;

    /**
     * @param repoUrl the fleet repo's URL as the Applications' sources name it: the one Drover's
     *                gate is given
     */
    public ArgoCdStandIn(Repository repository, String branch, String repoUrl, Clock clock, StandInTiming timing) {
        this.repository = repository;
        this.branch = branch;
        this.repoUrl = repoUrl;
        this.clock = clock;
        this.timing = timing;
    }

    @Override
    public synchronized Map<String, Observation> look(List<ExpectedApplication> asked) {
        Instant now = clock.instant();
        Optional<String> problem = poll(now);
        Map<String, Observation> answers = new LinkedHashMap<>();
        for (ExpectedApplication app : asked) {
            answers.put(app.name(), problem.<Observation>map(Observation.Unreadable::new).orElseGet(() -> observe(app.name(), now)));
        }
        return answers;
    }

    /** The stand-in polls the repository on every question, so a refresh is a look. */
    @Override
    public Map<String, Observation> refresh(List<ExpectedApplication> asked) {
        return look(asked);
    }

    /** From its next sync on (of a revision seen after this call), the application reports Degraded. */
    public synchronized void degrade(String application) {
        degradeNextSync.add(application);
    }

    private Observation observe(String name, Instant now) {
        Instant deletedAt = deleting.get(name);
        if (deletedAt != null) {
            if (Duration.between(deletedAt, now).compareTo(timing.deletion()) < 0) {
                return new Observation.Found(new ApplicationState(name, Optional.of(deletedAt), ApplicationState.SyncStatus.SYNCED,
                        List.of(), ApplicationState.Health.PROGRESSING, false, Optional.empty(), Optional.of(now), List.of()));
            }
            deleting.remove(name);
        }
        AppTimeline app = apps.get(name);
        return app == null ? new Observation.Absent() : new Observation.Found(app.at(now, timing, repoUrl));
    }

    /** Moves to the branch's tip if it changed; a revision whose fleet does not read leaves the Applications as they are. */
    private Optional<String> poll(Instant now) {
        String tip;
        try {
            ObjectId id = repository.resolve(Constants.R_HEADS + branch);
            if (id == null) {
                return Optional.of("the fleet repo has no branch " + branch);
            }
            tip = id.name();
        } catch (IOException e) {
            return Optional.of("the stand-in cannot read the fleet repo: " + e.getMessage());
        }
        if (tip.equals(seen)) {
            return Optional.empty();
        }
        Map<String, ExpectedApplication> generated;
        try {
            generated = generated(tip);
        } catch (IOException | InvalidFleetException e) {
            seen = tip;
            return Optional.empty();
        }
        // What runs when the stand-in first looks has been synced long ago.
        Instant since = seen == null ? now.minus(Duration.ofDays(1)) : now;
        Map<String, AppTimeline> next = new LinkedHashMap<>();
        for (String name : generated.keySet()) {
            Optional<String> previous = Optional.ofNullable(apps.get(name)).map(AppTimeline::revision);
            boolean degrades = degradeNextSync.contains(name) || apps.containsKey(name) && apps.get(name).degrades();
            next.put(name, new AppTimeline(name, tip, since, previous, degrades));
            deleting.remove(name);
        }
        for (String name : apps.keySet()) {
            if (!next.containsKey(name)) {
                deleting.put(name, now);
            }
        }
        degradeNextSync.removeAll(next.keySet());
        apps.clear();
        apps.putAll(next);
        seen = tip;
        return Optional.empty();
    }

    private Map<String, ExpectedApplication> generated(String revision) throws IOException, InvalidFleetException {
        Map<String, ExpectedApplication> cached = generatedAt.get(revision);
        if (cached != null) {
            return cached;
        }
        Fleet fleet = FleetReader.read(FleetSource.commit(repository, ObjectId.fromString(revision)));
        Map<String, ExpectedApplication> generated = new LinkedHashMap<>();
        for (Cluster cluster : fleet.clusters().values()) {
            fleet.definitionApplications(cluster).forEach(a -> generated.put(a.name(), a));
            fleet.expectedApplications(cluster).forEach(a -> generated.put(a.name(), a));
        }
        generatedAt.put(revision, generated);
        return generated;
    }
}
