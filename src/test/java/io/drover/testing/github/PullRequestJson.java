package io.drover.testing.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pull request as GitHub renders it: the full {@code pull-request} (create, get, update) or the
 * {@code pull-request-simple} of the list endpoint, which lacks the merge fields. Both start from
 * GitHub's examples; everything the state decides is set here, the rest (users, the repository's
 * many URLs) stays as GitHub's example has it.
 */
final class PullRequestJson {

    private final GitHubJson json;

    PullRequestJson(GitHubJson json) {
        this.json = json;
    }

    ObjectNode full(PullRequestState pr) {
        ObjectNode out = GitHubDescription.objectExample("pull-request");
        fillCommon(out, pr);
        out.put("merged", pr.merged);
        if (pr.mergeable == null) {
            out.putNull("mergeable");
            out.putNull("rebaseable");
        } else {
            out.put("mergeable", pr.mergeable);
            out.put("rebaseable", pr.mergeable);
        }
        out.put("mergeable_state", pr.mergeableState);
        if (!pr.merged) {
            out.putNull("merged_by");
        } else {
            json.user((ObjectNode) out.path("merged_by"), pr.mergedBy.id(), pr.mergedBy.login(), pr.mergedBy.bot());
        }
        out.put("comments", pr.comments.size());
        out.put("review_comments", 0);
        out.put("commits", 1);
        return out;
    }

    ObjectNode simple(PullRequestState pr) {
        ObjectNode out = (ObjectNode) GitHubDescription.example("pull-request-simple-items").get(0);
        fillCommon(out, pr);
        return out;
    }

    private void fillCommon(ObjectNode out, PullRequestState pr) {
        json.rebase(out);
        String api = json.repositoryApiUrl();
        String html = json.repositoryHtmlUrl();
        String self = api + "/pulls/" + pr.number;
        String issue = api + "/issues/" + pr.number;

        out.put("url", self);
        out.put("id", 1_000_000L + pr.number);
        out.put("node_id", "PR_stub_" + pr.number);
        out.put("html_url", html + "/pull/" + pr.number);
        out.put("diff_url", html + "/pull/" + pr.number + ".diff");
        out.put("patch_url", html + "/pull/" + pr.number + ".patch");
        out.put("issue_url", issue);
        out.put("commits_url", self + "/commits");
        out.put("review_comments_url", self + "/comments");
        out.put("comments_url", issue + "/comments");
        out.put("statuses_url", api + "/statuses/" + pr.headSha);
        out.put("number", pr.number);
        out.put("state", pr.state());
        out.put("locked", false);
        out.putNull("active_lock_reason");
        out.put("title", pr.title);
        if (pr.body == null) {
            out.putNull("body");
        } else {
            out.put("body", pr.body);
        }
        out.set("labels", json.labels(pr.labels));
        out.putNull("milestone");
        out.putNull("assignee");
        out.putArray("assignees");
        out.putArray("requested_reviewers");
        out.putArray("requested_teams");
        GitHubJson.putTimestamp(out, "created_at", pr.createdAt);
        GitHubJson.putTimestamp(out, "updated_at", pr.updatedAt);
        GitHubJson.putTimestamp(out, "closed_at", pr.closedAt);
        GitHubJson.putTimestamp(out, "merged_at", pr.mergedAt);
        if (pr.mergeCommitSha == null) {
            out.putNull("merge_commit_sha");
        } else {
            out.put("merge_commit_sha", pr.mergeCommitSha);
        }
        branch((ObjectNode) out.path("head"), pr.head, pr.headSha);
        branch((ObjectNode) out.path("base"), pr.base, pr.baseSha);
        ObjectNode links = (ObjectNode) out.path("_links");
        link(links, "self", self);
        link(links, "html", html + "/pull/" + pr.number);
        link(links, "issue", issue);
        link(links, "comments", issue + "/comments");
        link(links, "review_comments", self + "/comments");
        link(links, "commits", self + "/commits");
        link(links, "statuses", api + "/statuses/" + pr.headSha);
        out.putNull("auto_merge");
        out.put("draft", pr.draft);
    }

    private void branch(ObjectNode branch, String ref, String sha) {
        branch.put("label", json.owner + ":" + ref);
        branch.put("ref", ref);
        branch.put("sha", sha);
        // The same repository object everywhere. Not the list example's own: it carries
        // network_count and friends, which its schema (repository) does not allow.
        branch.set("repo", json.repository());
    }

    private static void link(ObjectNode links, String name, String href) {
        ((ObjectNode) links.path(name)).put("href", href);
    }
}
