package dev.terrace.desktop.chapters;

import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ResourceCondition;
import java.util.EnumMap;
import java.util.Map;

/**
 * The summary a chapter shows beside its title: how many of its resources stand in each
 * condition, and the one condition that speaks for the chapter.
 */
public record ChapterBadge(Map<ResourceCondition, Integer> counts) {

    public ChapterBadge {
        Map<ResourceCondition, Integer> copy = new EnumMap<>(ResourceCondition.class);
        for (ResourceCondition condition : ResourceCondition.values()) {
            copy.put(condition, counts.getOrDefault(condition, 0));
        }
        counts = Map.copyOf(copy);
    }

    public static ChapterBadge empty() {
        return new ChapterBadge(Map.of());
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(ResourceCondition condition) {
        return counts.get(condition);
    }

    /**
     * Returns the condition the badge shows: an error outweighs drift, drift outweighs a missing
     * resource, and "in place" needs every resource in place. Null for a chapter with no resources.
     */
    public ResourceCondition headline() {
        if (total() == 0) {
            return null;
        }
        for (ResourceCondition condition : new ResourceCondition[] {ResourceCondition.ERROR, ResourceCondition.DRIFT,
                ResourceCondition.MISSING, ResourceCondition.UNKNOWN}) {
            if (count(condition) > 0) {
                return condition;
            }
        }
        return ResourceCondition.IN_PLACE;
    }

    /** Returns the badge's text, such as "in place" or "2 missing"; empty for a chapter without resources. */
    public String text() {
        ResourceCondition headline = headline();
        if (headline == null) {
            return "";
        }
        String label = Texts.get("condition." + headline.name().toLowerCase(java.util.Locale.ROOT));
        return headline == ResourceCondition.IN_PLACE ? label : count(headline) + " " + label;
    }
}
