package org.libssl4j.example;

import org.junit.platform.suite.api.ExcludePackages;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The one class a third-party engine adds to run the whole libssl4j conformance suite: every rule, for every
 * engine on the test class path (this build limits it to "example" with -Dlibssl4j.testEngines).
 */
@Suite
@SelectPackages("org.libssl4j.it")
@ExcludePackages({"org.libssl4j.it.project", "org.libssl4j.it.discovery"})
class ExampleEngineConformanceTest {
}
