package io.theus.audit;

import io.theus.TheusEngine;
import io.theus.TheusEngineBuilder;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The warehouse of the seed's chapter 4 as a test fixture: {@code add_product} counts how often its body ran. */
final class Warehouse {
    final AtomicInteger bodyRuns = new AtomicInteger();

    static TheusEngineBuilder builder() {
        return TheusEngine.builder().initialState(Map.of("domain", Map.of("items", List.of(), "total_value", 0)));
    }

    ProcessSpec addProduct() {
        return ProcessSpec.builder("add_product").outputs("domain.items", "domain.total_value")
                .param("productName", String.class).param("price", long.class).returns(ReturnMapping.RESULT)
                .body((ctx, args) -> {
                    bodyRuns.incrementAndGet();
                    ctx.append("domain.items", Map.of("name", args.getString("productName"),
                            "price", args.getLong("price")));
                    ctx.set("domain.total_value", ctx.getLong("domain.total_value") + args.getLong("price"));
                    return "Added";
                }).build();
    }

    static Map<String, Object> product(String name, long price) {
        return Map.of("product_name", name, "price", price);
    }
}
