package dev.terrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.json.Json;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanJson;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.PlanRenderer;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import dev.terrace.session.PreflightStep;
import dev.terrace.session.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The steps apply and destroy share: lock, plan, show, confirm, apply with progress, summarise.
 * Ctrl+C cancels: operations in flight finish and are saved, nothing new starts.
 */
final class ApplyFlow {

    /** How long Ctrl+C waits for operations in flight before the process exits anyway. */
    private static final Duration INTERRUPT_GRACE = Duration.ofMinutes(2);

    private final StackOptions stack;
    private final GatewayOptions gateway;
    private final PrintWriter out;
    private final PrintWriter err;

    ApplyFlow(StackOptions stack, GatewayOptions gateway, PrintWriter out, PrintWriter err) {
        this.stack = stack;
        this.gateway = gateway;
        this.out = out;
        this.err = err;
    }

    int run(boolean destroy, int parallelism, boolean autoApprove, boolean forceUnlock) {
        Parallelism.check(parallelism);
        Stack loaded = stack.loadValidStack(err);
        String command = destroy ? "destroy" : "apply";
        try (Gateway opened = GatewayFactory.open(gateway, loaded, stack.stateRoot())) {
            Engine engine = new Engine(opened, stack.stateRoot(), listener(opened, loaded));
            try (StateLock lock = engine.lock(loaded, command, forceUnlock)) {
                Plan plan = PreflightStep.addTo(engine.plan(loaded, new PlanOptions(parallelism, destroy, null)),
                        loaded, opened);
                if (!stack.json || plan.hasErrors()) {
                    out.print(PlanRenderer.render(plan));
                    out.flush();
                }
                if (plan.hasErrors()) {
                    return ExitCodes.ERROR;
                }
                if (!plan.hasChanges()) {
                    if (stack.json) {
                        out.println(PlanJson.render(plan));
                    }
                    return ExitCodes.OK;
                }
                if (!autoApprove && !confirm(loaded, destroy)) {
                    out.println(Texts.get(destroy ? "destroy.declined" : "apply.declined"));
                    return ExitCodes.ERROR;
                }
                ApplyResult result = applyWithCancel(engine, loaded, plan, parallelism);
                printResult(result, destroy);
                return result.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
            }
        }
    }

    /**
     * Returns the progress printer, and on the sandbox also the steps CI and the operator would
     * take (see {@link Sandbox#operatorSteps}).
     */
    private EngineListener listener(Gateway opened, Stack loaded) {
        EngineListener progress = new ProgressPrinter(err);
        if (!(opened instanceof Sandbox sandbox)) {
            return progress;
        }
        return progress.andThen(sandbox.operatorSteps(loaded,
                secretId -> err.println(Texts.get("sandbox.secret_seeded", secretId))));
    }

    private ApplyResult applyWithCancel(Engine engine, Stack loaded, Plan plan, int parallelism) {
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        // The JVM runs this hook on Ctrl+C and exits when it returns, so it waits for the apply to
        // finish its operations in flight and save the state.
        Thread onInterrupt = new Thread(() -> {
            err.println(Texts.get("apply.interrupted"));
            err.flush();
            cancel.cancel();
            try {
                if (!finished.await(INTERRUPT_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    err.println(Texts.get("apply.interrupt_timeout", INTERRUPT_GRACE.toSeconds()));
                    err.flush();
                }
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }, "terrace-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return engine.apply(loaded, plan, new ApplyOptions(parallelism, RetryPolicy.defaults()), cancel);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping because of Ctrl+C; the hook has done its work.
            }
        }
    }

    private boolean confirm(Stack loaded, boolean destroy) {
        out.print(Texts.get(destroy ? "destroy.confirm" : "apply.confirm", loaded.name()));
        out.flush();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String answer = in.readLine();
            String normalised = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
            return normalised.equals("y") || normalised.equals("yes");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private void printResult(ApplyResult result, boolean destroy) {
        List<ResourceOutcome> failed = result.withStatus(Status.FAILED);
        List<ResourceOutcome> skipped = result.withStatus(Status.SKIPPED);
        int succeeded = result.withStatus(Status.SUCCEEDED).size();
        long changed = result.outcomes().stream()
                .filter(outcome -> outcome.status() == Status.SUCCEEDED && outcome.action().changesCloud())
                .count();
        if (stack.json) {
            out.println(json(result));
            out.flush();
            return;
        }
        String verb = destroy ? "destroy" : "apply";
        if (result.succeeded()) {
            out.println(Texts.get(verb + ".complete", changed, succeeded - changed, seconds(result)));
        } else {
            out.println(Texts.get(result.cancelled() ? verb + ".cancelled" : verb + ".failed", succeeded,
                    failed.size(), skipped.size(), seconds(result)));
        }
        if (!failed.isEmpty()) {
            out.println(Texts.get("summary.failed_heading"));
            failed.forEach(outcome -> out.println("  " + outcome.address() + ": " + outcome.message()));
        }
        if (!skipped.isEmpty()) {
            out.println(Texts.get("summary.skipped_heading"));
            skipped.forEach(outcome -> out.println("  " + outcome.address() + ": " + outcome.message()));
        }
        if (!result.succeeded()) {
            out.println(Texts.get("summary.next_step", verb));
        }
        out.flush();
    }

    private static String seconds(ApplyResult result) {
        return String.format(Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0);
    }

    private static String json(ApplyResult result) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("succeeded", result.succeeded());
        root.put("cancelled", result.cancelled());
        root.put("elapsed_ms", result.elapsed().toMillis());
        ArrayNode outcomes = root.putArray("outcomes");
        for (ResourceOutcome outcome : result.outcomes()) {
            ObjectNode node = outcomes.addObject();
            node.put("address", outcome.address().toString());
            node.put("action", outcome.action().name().toLowerCase(Locale.ROOT));
            node.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
            node.put("attempts", outcome.attempts());
            node.put("elapsed_ms", outcome.elapsed().toMillis());
            node.put("message", outcome.message());
            node.put("cause", outcome.cause() == null ? null : outcome.cause().toString());
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
