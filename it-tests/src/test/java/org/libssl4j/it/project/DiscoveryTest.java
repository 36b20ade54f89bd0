package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.Engine;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.testkit.NullEngineProvider;
import org.libssl4j.testkit.junit.TestEngines;

/** Finding engines: ServiceLoader, the system property, by name, and what is said when one is missing. */
class DiscoveryTest {

    @Test
    @DisplayName("DISC-1 every engine on the class path is listed with its version and capabilities, in priority order")
    void listsEngines() {
        assertThat(Engines.all()).extracting(EngineInfo::name).contains("jdk");
        Engine jdk = Engines.get("jdk");
        assertThat(jdk.isAvailable()).isTrue();
        assertThat(jdk.version()).startsWith("SunJSSE");
        assertThat(jdk.capabilities()).contains(Capability.TLS1_2, Capability.TLS1_3);
        for (int i = 1; i < Engines.all().size(); i++) {
            assertThat(Engines.all().get(i - 1).priority()).isGreaterThanOrEqualTo(Engines.all().get(i).priority());
        }
    }

    @Test
    @DisplayName("DISC-2 an unknown engine name is a clear IllegalArgumentException that lists what was found")
    void unknownName() {
        assertThatThrownBy(() -> Engines.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("jdk");
        assertThatThrownBy(() -> SslCtx.newCtx(SslMethod.TLS, "nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DISC-3 the system property libssl4j.engine names the default engine; without it the highest priority wins, which is jdk whenever it is there")
    void systemPropertyWins() {
        String old = System.getProperty(Engines.ENGINE_PROPERTY);
        try {
            System.clearProperty(Engines.ENGINE_PROPERTY);
            assertThat(Engines.getDefault()).isSameAs(Engines.available().get(0));
            if (Engines.all().stream().anyMatch(e -> e.name().equals("jdk") && e.isAvailable())) {
                assertThat(Engines.getDefault().name()).as("adding bc or conscrypt never changes the default").isEqualTo("jdk");
            }
            System.setProperty(Engines.ENGINE_PROPERTY, "jdk");
            assertThat(Engines.getDefault().name()).isEqualTo("jdk");
            assertThat(SslCtx.newCtx(SslMethod.TLS).engine().name()).isEqualTo("jdk");
            System.setProperty(Engines.ENGINE_PROPERTY, "nope");
            assertThatThrownBy(Engines::getDefault).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        } finally {
            if (old == null) {
                System.clearProperty(Engines.ENGINE_PROPERTY);
            } else {
                System.setProperty(Engines.ENGINE_PROPERTY, old);
            }
        }
    }

    @Test
    @DisplayName("DISC-4 an engine outside ServiceLoader can be loaded by hand and is not listed")
    void loadByHand() {
        Engine engine = Engines.load(new NullEngineProvider());
        assertThat(engine.name()).isEqualTo("null");
        assertThat(Engines.all()).extracting(EngineInfo::name).doesNotContain("null");
    }

    @Test
    @DisplayName("DISC-8 loading an engine does not ask its capabilities (an engine may probe its provider for them); the first question asks once")
    void capabilitiesAskedOnceWhenNeeded() {
        int[] asked = {0};
        Engine engine = Engines.load(new org.libssl4j.spi.EngineProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public String name() {
                return "counting";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public org.libssl4j.spi.EngineFactory load() throws java.security.GeneralSecurityException {
                org.libssl4j.spi.EngineFactory inner = new NullEngineProvider().load();
                return new org.libssl4j.spi.EngineFactory() {
                    @Override
                    public String version() {
                        return inner.version();
                    }

                    @Override
                    public java.util.Set<Capability> capabilities() {
                        asked[0]++;
                        return java.util.EnumSet.of(Capability.TLS1_3);
                    }

                    @Override
                    public org.libssl4j.spi.EngineContext newContext(org.libssl4j.spi.ContextConfig config)
                            throws org.libssl4j.spi.EngineException {
                        return inner.newContext(config);
                    }
                };
            }
        });
        assertThat(asked[0]).as("asked at load").isZero();
        assertThat(engine.has(Capability.TLS1_3)).isTrue();
        assertThat(engine.capabilities()).containsExactly(Capability.TLS1_3).isSameAs(engine.capabilities());
        assertThat(asked[0]).isEqualTo(1);
    }

    @Test
    @DisplayName("DISC-5 the suite runs for the engines required by -Dlibssl4j.requireEngines, and they are all there")
    void requiredEnginesPresent() {
        String required = System.getProperty(TestEngines.REQUIRE_ENGINES_PROPERTY, "");
        for (String name : required.split(",")) {
            if (!name.isBlank()) {
                assertThat(TestEngines.names()).contains(name.trim());
            }
        }
    }
}
