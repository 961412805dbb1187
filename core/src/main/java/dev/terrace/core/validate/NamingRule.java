package dev.terrace.core.validate;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One product's rule for a name, with the rule in words so that a diagnostic can state it.
 *
 * @param subject the thing being named, such as "bucket name"
 * @param rule the rule as users read it
 * @param example a value that follows the rule, for the fix text
 */
record NamingRule(String subject, String rule, String example, Predicate<String> test) {

    static NamingRule pattern(String subject, String rule, String example, String regex) {
        Pattern compiled = Pattern.compile(regex);
        return new NamingRule(subject, rule, example, value -> compiled.matcher(value).matches());
    }

    /** Returns the rule's words when the value breaks it. */
    Optional<String> check(String value) {
        return value != null && test.test(value) ? Optional.empty() : Optional.of(rule);
    }
}
