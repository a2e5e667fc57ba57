package dev.ticketflow.plugins.venting.classify;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A narrow exception: where its pattern matches, matches of the named rules that overlap it do
 * not count ("would it kill you to reply", "shoot you an email").
 *
 * @param id unique id
 * @param pattern what to recognise, on the folded text
 * @param suppresses ids of the rules it silences
 * @param keywords word prefixes one of which must occur for it to be tried; empty: always
 */
public record Suppressor(String id, Pattern pattern, Set<String> suppresses, Set<String> keywords) {

    /** Copies the collections. */
    public Suppressor {
        suppresses = Set.copyOf(suppresses);
        keywords = Set.copyOf(keywords);
    }
}
