package dev.terrace.desktop.chapters;

import dev.terrace.desktop.model.ResourceCondition;

/** One resource of a chapter panel: its address, condition and what its status says. */
public record ChapterResourceRow(String address, ResourceCondition condition, String summary) {
}
