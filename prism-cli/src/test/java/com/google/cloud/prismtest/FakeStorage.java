package com.google.cloud.prismtest;

/** Stands in for a Google Cloud SDK type in the architecture rule tests. */
public class FakeStorage {}
