package io.drover.forge.local;

import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Someone on the local forge: a login with a numeric id, whether it is a bot, GitHub's base
 * permission on the repository (admin, write, read), and the name and e-mail its merges carry.
 */
public record ForgeUser(String login, long id, boolean bot, String permission, String name, String email) {

    public PersonIdent at(Instant when) {
        return new PersonIdent(name, email, when, ZoneOffset.UTC);
    }
}
