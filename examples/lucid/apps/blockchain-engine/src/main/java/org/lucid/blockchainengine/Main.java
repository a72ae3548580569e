package org.lucid.blockchainengine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lucid blockchain engine (reference app of lucid-cdk): the JDK's HTTP server only.
 *
 * <p>Serves on 0.0.0.0:$SERVICE_PORT (default 8090): {@code GET /health} answers 200 {@code {"status":"ok"}},
 * {@code GET /} the service's description and the chain it follows. On SIGTERM or SIGINT the JVM runs the
 * shutdown hook, which stops the server at once.
 */
public final class Main {
  static final String SERVICE = "blockchain-engine";
  static final String VERSION = "0.1.0";

  private Main() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(env("SERVICE_PORT", env("PORT", "8090")));
    String chain = System.getenv().getOrDefault("LUCID_CHAIN", "local");
    Instant started = Instant.now();

    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "{\"error\":\"method not allowed\"}");
      } else if ("/health".equals(path)) {
        reply(exchange, 200, "{\"status\":\"ok\"}");
      } else if ("/".equals(path)) {
        reply(exchange, 200, "{\"service\":\"" + SERVICE + "\",\"version\":\"" + VERSION + "\",\"chain\":\""
            + json(chain) + "\",\"startedAt\":\"" + started + "\",\"java\":\""
            + json(System.getProperty("java.version")) + "\"}");
      } else {
        reply(exchange, 404, "{\"error\":\"not found\",\"path\":\"" + json(path) + "\"}");
      }
    });

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(0);
      executor.shutdownNow();
      System.out.println(SERVICE + " stopped");
      stopped.countDown();
    }, "shutdown"));

    server.start();
    System.out.println(SERVICE + " listening on 0.0.0.0:" + port);
    stopped.await();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The value of an environment variable, or the fallback when it is unset or empty. */
  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** Escapes a string for a JSON string literal. */
  static String json(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
