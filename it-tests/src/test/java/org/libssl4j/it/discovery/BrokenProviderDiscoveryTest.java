package org.libssl4j.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.spi.EngineProvider;

/**
 * Run in its own surefire execution, with odd providers registered after the real engines (see the pom): two that
 * cannot be made or started, one that counts its loads, a second {@code jdk}, one built for another SPI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokenProviderDiscoveryTest {

    @Test
    @Order(1)
    @DisplayName("DISC-9 an engine loads the first time it is asked for, once: naming another engine, or the default, loads it not")
    void loadsOnlyWhatIsUsed() {
        assertThat(Engines.get("jdk").isAvailable()).isTrue();
        assertThat(Engines.getDefault().name()).as("the default, past the broken engines ranked above it").isEqualTo("jdk");
        assertThat(CountingProvider.LOADS).hasValue(0);
        assertThat(Engines.get("counting").name()).isEqualTo("counting");
        assertThat(Engines.get("counting")).isSameAs(Engines.get("counting"));
        Engines.all();
        assertThat(CountingProvider.LOADS).hasValue(1);
    }

    @Test
    @Order(2)
    @DisplayName("DISC-7 a provider that cannot be made or cannot start is listed with its cause; the other engines still load")
    void brokenProviders() {
        List<EngineInfo> all = Engines.all();
        EngineInfo nonative = all.stream().filter(e -> e.name().equals("nonative")).findFirst().orElseThrow();
        assertThat(nonative.isAvailable()).isFalse();
        assertThat(nonative.unavailableReason()).isEqualTo("no libnonative in java.library.path");
        assertThat(nonative.unavailableCause()).isInstanceOf(UnsatisfiedLinkError.class);
        assertThat(nonative.capabilities()).isEmpty();

        EngineInfo unmade = all.stream().filter(e -> e.name().startsWith("unloadable-provider-")).findFirst().orElseThrow();
        assertThat(unmade.isAvailable()).isFalse();
        assertThat(unmade.unavailableReason()).startsWith("its EngineProvider could not be instantiated: ")
                .contains(ThrowingConstructorProvider.class.getName());

        assertThat(Engines.get("jdk").isAvailable()).isTrue();
        // The broken engine has the highest priority, yet the default is an available one.
        assertThat(Engines.getDefault().isAvailable()).isTrue();
        assertThatThrownBy(() -> Engines.get("nonative")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("libssl4j engine 'nonative' is unavailable: no libnonative in java.library.path;");
    }

    @Test
    @Order(3)
    @DisplayName("DISC-10 of two providers with one name the first on the class path is the engine; the second is listed unavailable, saying why")
    void duplicateNames() {
        List<EngineInfo> jdks = Engines.all().stream().filter(e -> e.name().equals("jdk")).toList();
        assertThat(jdks).hasSize(2);
        assertThat(Engines.get("jdk").version()).startsWith("SunJSSE");
        EngineInfo second = jdks.stream().filter(e -> !e.isAvailable()).findFirst().orElseThrow();
        assertThat(second.unavailableReason()).contains("a second provider of the name 'jdk'")
                .contains(SecondJdkProvider.class.getName()).contains("JdkEngineProvider");
    }

    @Test
    @Order(4)
    @DisplayName("DISC-11 an engine built for another SPI version is listed unavailable with both versions, and never loaded")
    void otherSpiVersion() {
        EngineInfo other = Engines.all().stream().filter(e -> e.name().equals("otherspi")).findFirst().orElseThrow();
        assertThat(other.isAvailable()).isFalse();
        assertThat(other.unavailableReason()).isEqualTo("built for libssl4j SPI version " + (EngineProvider.SPI_VERSION + 1)
                + "; this libssl4j-api has SPI version " + EngineProvider.SPI_VERSION);
    }
}
