package io.drover.git;

import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/** The name and e-mail Drover commits as; a commit by anyone else on a Drover branch is a human's. */
public record BotIdentity(String name, String email) {

    public PersonIdent at(Instant when) {
        return new PersonIdent(name, email, when, ZoneOffset.UTC);
    }

    public boolean authored(PersonIdent person) {
        return email.equalsIgnoreCase(person.getEmailAddress());
    }
}
