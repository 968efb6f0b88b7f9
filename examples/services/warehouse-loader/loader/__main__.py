"""Consumes order events and appends them to the warehouse in micro-batches."""
import json
import os

import psycopg
from confluent_kafka import Consumer

BATCH_SIZE = int(os.environ.get("BATCH_SIZE", "500"))


def main():
    consumer = Consumer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "group.id": "warehouse-loader"})
    consumer.subscribe(["orders.events"])
    with psycopg.connect(os.environ["WAREHOUSE_DSN"]) as connection:
        while True:
            messages = consumer.consume(num_messages=BATCH_SIZE, timeout=5.0)
            rows = [json.loads(message.value()) for message in messages if message.error() is None]
            if rows:
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO raw.order_events (order_id, kind, payload) VALUES (%s, %s, %s)",
                        [(row["orderId"], row["kind"], json.dumps(row)) for row in rows],
                    )
                connection.commit()
                consumer.commit(asynchronous=False)


if __name__ == "__main__":
    main()
