package com.example.prism;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory object store, {@code mem://bucket/key}: what an application that keeps results in
 * memory (or a test) hands to Prism. Buckets must be created before objects are put in them.
 */
public final class MemStore {

  /** One stored object: its bytes and a version that changes with every put. */
  record Blob(byte[] bytes, long version) {}

  private static final Map<String, Map<String, Blob>> BUCKETS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> READS = new ConcurrentHashMap<>();
  private static final AtomicInteger VERSIONS = new AtomicInteger();

  private MemStore() {}

  /** Creates a bucket; nothing happens when it exists. */
  public static void createBucket(String bucket) {
    BUCKETS.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
  }

  /** Stores (or replaces) an object. */
  public static void put(String bucket, String key, byte[] bytes) {
    Map<String, Blob> b = BUCKETS.get(bucket);
    if (b == null) {
      throw new IllegalStateException("no bucket " + bucket);
    }
    b.put(key, new Blob(bytes.clone(), VERSIONS.incrementAndGet()));
  }

  /** Removes an object. */
  public static void delete(String bucket, String key) {
    Map<String, Blob> b = BUCKETS.get(bucket);
    if (b != null) {
      b.remove(key);
    }
  }

  /** How many times an object's content was read. */
  public static int reads(String bucket, String key) {
    AtomicInteger n = READS.get(bucket + "/" + key);
    return n == null ? 0 : n.get();
  }

  static Map<String, Blob> bucket(String bucket) {
    return BUCKETS.get(bucket);
  }

  static void countRead(String bucket, String key) {
    READS.computeIfAbsent(bucket + "/" + key, k -> new AtomicInteger()).incrementAndGet();
  }
}
