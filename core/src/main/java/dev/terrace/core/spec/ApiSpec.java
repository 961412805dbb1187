package dev.terrace.core.spec;

/** An API enabled on the project, named as Service Usage names it ({@code run.googleapis.com}). */
public record ApiSpec(String service) implements Spec {

    @Override
    public String identity() {
        return service;
    }
}
