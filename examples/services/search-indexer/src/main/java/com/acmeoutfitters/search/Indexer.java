package com.acmeoutfitters.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Copies product change events from Kafka into the search index. */
public final class Indexer {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", System.getenv().getOrDefault("KAFKA_BROKERS", "kafka:9092"));
    config.put("group.id", "search-indexer");
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());

    URI index = URI.create(System.getenv().getOrDefault("SEARCH_URL", "http://opensearch:9200") + "/products/_doc/");
    HttpClient http = HttpClient.newHttpClient();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("catalogue.products"));
      while (true) {
        for (ConsumerRecord<String, String> change : consumer.poll(Duration.ofSeconds(1))) {
          HttpRequest put = HttpRequest.newBuilder(index.resolve(change.key()))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(change.value()))
              .build();
          http.send(put, HttpResponse.BodyHandlers.discarding());
        }
      }
    }
  }
}
