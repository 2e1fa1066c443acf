package io.drover.chatops;

/**
 * Who wrote a comment, as the forge reports it. Authorization goes by the numeric id (a login can
 * be renamed and then taken by someone else); the login is for messages only.
 */
public record Commenter(long id, String login, boolean bot) {
}
