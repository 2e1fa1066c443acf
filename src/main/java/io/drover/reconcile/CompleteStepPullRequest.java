package io.drover.reconcile;

import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Makes an open step pull request carry what the step says: its labels, its title, and a body for
 * the plan and the branch commit as they are now, with a "rebuilt" comment for every commit Drover
 * put on the branch after the body was written. Each part is checked on its own, so whatever an
 * earlier pass left undone (it died, or GitHub's answer was lost between two requests) is done
 * now, and what is done is not done again. The body goes last: until it names the new commit, the
 * next pass knows a "rebuilt" comment may still be owed.
 */
final class CompleteStepPullRequest {

    private final Forge forge;
    private final ReconcileSettings settings;
    private final StepComments comments;

    CompleteStepPullRequest(Forge forge, ReconcileSettings settings, StepComments comments) {
        this.forge = forge;
        this.settings = settings;
        this.comments = comments;
    }

    /**
     * @param commit the step's commit at the tip of the branch
     * @param base what that commit was built on, named in a "rebuilt" comment
     * @return what was done, empty when the pull request was complete
     */
    List<String> complete(PullRequest pr, StepTexts texts, ObjectId commit, ObjectId base) throws ForgeException {
        List<String> done = new ArrayList<>();
        List<String> missing = settings.labelsOf(texts.step().kind()).stream().filter(l -> !pr.labels().contains(l)).toList();
        if (!missing.isEmpty()) {
            forge.addLabels(pr.number(), missing);
            done.add("labels " + String.join(", ", missing));
        }
        Optional<String> describedCommit = StepTexts.commitOf(pr.body());
        if (describedCommit.isPresent() && !describedCommit.get().equals(commit.name())) {
            List<String> paths = texts.step().changes().stream().map(FileChange::path).toList();
            if (comments.ensure(pr.number(), "rebuilt", "drover:rebuilt " + commit.name(), texts,
                    Map.of("paths", String.join(", ", paths), "baseSha", base.name().substring(0, 12)))) {
                done.add("said it rebuilt the branch");
            }
        }
        String title = texts.title();
        if (!texts.describes(pr.body(), commit) || !pr.title().equals(title)) {
            forge.edit(pr.number(), title, texts.body(commit));
            done.add("title and body");
        }
        return done;
    }
}
