package dev.terrace.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The guide's 18 chapters; every resource records the one that introduces it. */
public enum Chapter {
    INTRODUCTION(1, "Introduction"),
    TERRAFORM_OVERVIEW(2, "Terraform overview"),
    CLOUD_SERVICES(3, "Cloud services explained"),
    DATABASE(4, "Database"),
    PROJECT_SETUP(5, "Project setup and state"),
    PROJECT_AND_APIS(6, "Project and APIs"),
    ARTIFACT_REGISTRY(7, "Artifact Registry"),
    SECRETS(8, "Secrets"),
    CLOUD_STORAGE(9, "Cloud Storage"),
    SERVICE_ACCOUNTS(10, "Service accounts and IAM"),
    CLOUD_RUN(11, "Cloud Run"),
    TASKS_AND_SCHEDULER(12, "Cloud Tasks and Scheduler"),
    DOCKERFILE(13, "Dockerfile"),
    FIRST_DEPLOY(14, "First deploy"),
    CUSTOM_DOMAIN(15, "Custom domain and SSL"),
    WORKLOAD_IDENTITY(16, "Workload Identity Federation"),
    GITHUB_ACTIONS(17, "GitHub Actions"),
    QUICK_REFERENCE(18, "Quick reference");

    private final int number;
    private final String title;

    Chapter(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** Two-digit label as the guide numbers its chapters, such as {@code 05}. */
    public String label() {
        return String.format("%02d", number);
    }

    public static Optional<Chapter> byNumber(int number) {
        return Arrays.stream(values()).filter(chapter -> chapter.number == number).findFirst();
    }
}
