package dev.terrace.core.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks a price book. Every problem is collected before the book is rejected, so one
 * run names all of them. A book with any problem is rejected whole, because a wrong price would
 * silently skew every estimate.
 */
public final class PriceBookReader {

    static final String BUNDLED_RESOURCE = "price-book.yaml";

    private static final Set<String> TOP_KEYS = Set.of("version", "currency", "checked", "regions", "items");
    private static final Set<String> ITEM_KEYS = Set.of("service", "description", "unit", "per", "prices", "free",
            "free_scope", "free_regions", "free_credit_tier", "estimated_tiers", "source", "checked");
    private static final Set<String> SCOPES = Set.of("billing_account", "project");

    /** Reads decimals as written, so that a price such as 0.0000336 is never a binary fraction. */
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final List<String> problems = new ArrayList<>();

    private PriceBookReader() {
    }

    static PriceBook readBundled() {
        try (InputStream in = PriceBookReader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled " + BUNDLED_RESOURCE + " is missing from the class path");
            }
            return read(BUNDLED_RESOURCE, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new IllegalStateException("Cannot read the bundled " + BUNDLED_RESOURCE, unreadable);
        }
    }

    /**
     * Parses a price book's YAML text.
     *
     * @throws PriceBookException naming every invalid, missing or unknown field
     */
    public static PriceBook read(String source, String text) {
        return new PriceBookReader().parse(source, text);
    }

    private PriceBook parse(String source, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (IOException syntax) {
            throw new PriceBookException(source, List.of("not valid YAML: " + syntax.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PriceBookException(source, List.of("the top level must be a mapping"));
        }
        unknownKeys(root, TOP_KEYS, "the top level");

        String version = text(root, "version", "version");
        String currency = text(root, "currency", "currency");
        YearMonth checked = month(root.get("checked"), "checked");
        Map<String, String> tiers = regionTiers(root.get("regions"));
        Set<String> tierNames = new TreeSet<>();
        if (root.path("regions").isObject()) {
            root.get("regions").fieldNames().forEachRemaining(tierNames::add);
        }

        Map<String, PriceItem> items = new LinkedHashMap<>();
        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || !itemsNode.isObject()) {
            problems.add("items must be a mapping of item ids to prices");
        } else {
            itemsNode.fields().forEachRemaining(entry -> {
                PriceItem item = item(entry.getKey(), entry.getValue(), tierNames);
                if (item != null) {
                    items.put(item.id(), item);
                }
            });
        }
        for (String required : Meters.ITEM_IDS) {
            if (itemsNode != null && itemsNode.isObject() && !itemsNode.has(required)) {
                problems.add("item " + required + " is missing; the estimator prices it");
            }
        }

        if (!problems.isEmpty()) {
            throw new PriceBookException(source, problems);
        }
        return new PriceBook(version, currency, checked, tiers, items);
    }

    private Map<String, String> regionTiers(JsonNode regions) {
        Map<String, String> tiers = new LinkedHashMap<>();
        if (regions == null || !regions.isObject()) {
            problems.add("regions must map each tier to a list of regions");
            return tiers;
        }
        regions.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isArray()) {
                problems.add("regions." + entry.getKey() + " must be a list of regions");
                return;
            }
            entry.getValue().forEach(region -> {
                String previous = tiers.put(region.asText(), entry.getKey());
                if (previous != null) {
                    problems.add("region " + region.asText() + " is listed in both " + previous + " and "
                            + entry.getKey());
                }
            });
        });
        if (!regions.has(PriceBook.FALLBACK_TIER)) {
            problems.add("regions must have a " + PriceBook.FALLBACK_TIER
                    + " tier, which prices regions the book does not list");
        }
        return tiers;
    }

    private PriceItem item(String id, JsonNode node, Set<String> tiers) {
        String where = "item " + id;
        if (!node.isObject()) {
            problems.add(where + " must be a mapping");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, ITEM_KEYS, where);
        String service = text(node, "service", where + ".service");
        String description = text(node, "description", where + ".description");
        String unit = text(node, "unit", where + ".unit");
        BigDecimal per = amount(node.get("per"), where + ".per", true);
        Map<String, BigDecimal> prices = prices(node.get("prices"), where, tiers);
        BigDecimal free = node.has("free") ? amount(node.get("free"), where + ".free", false) : BigDecimal.ZERO;
        String scope = node.path("free_scope").asText("billing_account");
        if (!SCOPES.contains(scope)) {
            problems.add(where + ".free_scope is \"" + scope + "\"; use billing_account or project");
        }

        List<String> freeRegions = new ArrayList<>();
        node.path("free_regions").forEach(region -> freeRegions.add(region.asText()));
        String creditTier = node.hasNonNull("free_credit_tier") ? node.get("free_credit_tier").asText() : null;
        if (creditTier != null && !tiers.contains(creditTier)) {
            problems.add(where + ".free_credit_tier is \"" + creditTier + "\"; use one of " + tiers);
        }
        List<String> estimatedTiers = new ArrayList<>();
        node.path("estimated_tiers").forEach(estimated -> estimatedTiers.add(estimated.asText()));
        if (!tiers.containsAll(estimatedTiers)) {
            problems.add(where + ".estimated_tiers is " + estimatedTiers + "; use tiers of " + tiers);
        }

        String source = text(node, "source", where + ".source");
        if (source != null && !source.startsWith("https://")) {
            problems.add(where + ".source is \"" + source + "\"; give the https:// address of the price page");
        }
        YearMonth checked = month(node.get("checked"), where + ".checked");
        if (problems.size() > before) {
            return null;
        }
        return new PriceItem(id, service, description, unit, per, prices, free, scope, freeRegions, creditTier,
                estimatedTiers, source, checked);
    }

    private Map<String, BigDecimal> prices(JsonNode node, String where, Set<String> tiers) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problems.add(where + ".prices must map each tier to a price");
            return prices;
        }
        for (String tier : tiers) {
            if (!node.has(tier)) {
                problems.add(where + ".prices." + tier + " is missing");
            } else {
                prices.put(tier, amount(node.get(tier), where + ".prices." + tier, false));
            }
        }
        unknownKeys(node, tiers, where + ".prices");
        return prices;
    }

    private BigDecimal amount(JsonNode node, String where, boolean positive) {
        if (node == null || !node.isNumber()) {
            problems.add(where + " must be a number, was " + (node == null ? "missing" : "\"" + node.asText() + "\""));
            return BigDecimal.ONE;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || (positive && value.signum() == 0)) {
            problems.add(where + " must be " + (positive ? "above zero" : "zero or more") + ", was " + value);
        }
        return value;
    }

    private String text(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            problems.add(where + " is missing");
            return null;
        }
        return node.asText();
    }

    private YearMonth month(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            problems.add(where + " is missing; give the month the figures were read, as YYYY-MM");
            return null;
        }
        try {
            return YearMonth.parse(node.asText());
        } catch (DateTimeParseException invalid) {
            problems.add(where + " is \"" + node.asText() + "\"; write the month as YYYY-MM");
            return null;
        }
    }

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add("unknown key \"" + name + "\" in " + where + "; use one of " + new TreeSet<>(known));
            }
        });
    }
}
