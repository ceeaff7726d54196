package org.enis.physics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.enis.physics.internal.Checks;

/**
 * Every parameter of the CCQE model: flavour, target, nuclear model, form-factor constants,
 * masses, couplings and the generated ranges. Immutable; validated when built.
 *
 * <p>Defaults (shared/reference/ccqe-model.md): muon antineutrino on carbon-12,
 * {@code M_A = 1.03 GeV}, {@code k_F = 0.225 GeV/c}, {@code eps_B = 0.025 GeV},
 * {@code G_F = 1.1663787e-5 GeV^-2}, {@code V_ud = 0.97425}, {@code M_p = 0.938272 GeV},
 * {@code M_n = 0.939565 GeV}, {@code m_mu = 0.105658 GeV}, {@code m_pi = 0.13957 GeV},
 * {@code mu_p = 2.792847}, {@code mu_n = -1.913043}, {@code M_V^2 = 0.71 GeV^2},
 * {@code g_A = 1.267}, {@code 1 GeV^-2 = 3.893794e-28 cm^2}, Pauli blocking on, generated
 * ranges {@code E_nu} in [0, 10] GeV and {@code p_mu} in [0, 10] GeV/c.
 *
 * <p>The text form {@link #toCanonicalString()} lists every parameter, always in the same
 * order, with doubles written so that {@link #parse(String)} restores them bit for bit:
 * <pre>{@code
 * CcqeParameters p = CcqeParameters.builder()
 *         .flavour(Flavour.MUON_NEUTRINO)
 *         .nucleus(Nucleus.OXYGEN_16)       // k_F and eps_B follow unless set explicitly
 *         .axialMassGeV(1.00)
 *         .build();
 * CcqeParameters same = CcqeParameters.parse(p.toCanonicalString());
 * }</pre>
 */
public final class CcqeParameters {

    /** Version tag that starts the canonical text form. */
    public static final String FORMAT_TAG = "ccqe-parameters-v1";

    /** Default axial mass {@code M_A} of this project in GeV. */
    public static final double DEFAULT_AXIAL_MASS_GEV = 1.03;
    /** Default Fermi constant {@code G_F} in GeV^-2. */
    public static final double DEFAULT_FERMI_CONSTANT_PER_GEV2 = 1.1663787e-5;
    /** Default CKM element {@code V_ud = cos(theta_C)}. */
    public static final double DEFAULT_VUD = 0.97425;
    /** Default proton mass in GeV. */
    public static final double DEFAULT_PROTON_MASS_GEV = 0.938272;
    /** Default neutron mass in GeV. */
    public static final double DEFAULT_NEUTRON_MASS_GEV = 0.939565;
    /** Default muon mass in GeV. */
    public static final double DEFAULT_MUON_MASS_GEV = 0.105658;
    /** Default charged-pion mass in GeV (pseudoscalar form factor pole). */
    public static final double DEFAULT_PION_MASS_GEV = 0.13957;
    /** Default proton magnetic moment in nuclear magnetons. */
    public static final double DEFAULT_PROTON_MAGNETIC_MOMENT = 2.792847;
    /** Default neutron magnetic moment in nuclear magnetons. */
    public static final double DEFAULT_NEUTRON_MAGNETIC_MOMENT = -1.913043;
    /** Default vector dipole mass squared {@code M_V^2} in GeV^2. */
    public static final double DEFAULT_VECTOR_MASS_SQUARED_GEV2 = 0.71;
    /** Default axial coupling {@code g_A}; the axial form factor is {@code F_A(0) = -g_A}. */
    public static final double DEFAULT_AXIAL_COUPLING = 1.267;
    /** Default conversion {@code (hbar c)^2}: 1 GeV^-2 in cm^2. */
    public static final double DEFAULT_CM2_PER_GEV_MINUS2 = 3.893794e-28;
    /** Default upper end of the generated neutrino energy range in GeV. */
    public static final double DEFAULT_MAX_NEUTRINO_ENERGY_GEV = 10.0;
    /** Default upper end of the generated muon momentum range in GeV/c. */
    public static final double DEFAULT_MAX_MUON_MOMENTUM_GEV = 10.0;

    private static final CcqeParameters DEFAULTS = builder().build();

    private final Flavour flavour;
    private final Nucleus nucleus;
    private final double fermiMomentumGeV;
    private final double removalEnergyGeV;
    private final boolean pauliBlocking;
    private final double axialMassGeV;
    private final double vectorMassSquaredGeV2;
    private final double axialCoupling;
    private final double protonMagneticMoment;
    private final double neutronMagneticMoment;
    private final double fermiConstantPerGeV2;
    private final double vud;
    private final double protonMassGeV;
    private final double neutronMassGeV;
    private final double muonMassGeV;
    private final double pionMassGeV;
    private final double cm2PerGeVMinus2;
    private final double maxNeutrinoEnergyGeV;
    private final double maxMuonMomentumGeV;

    private CcqeParameters(Builder b) {
        this.flavour = Objects.requireNonNull(b.flavour, "flavour");
        this.nucleus = Objects.requireNonNull(b.nucleus, "nucleus");
        this.fermiMomentumGeV = Checks.inHalfOpenRange("fermiMomentumGeV",
                b.fermiMomentumGeV != null ? b.fermiMomentumGeV
                        : nucleus.defaultFermiMomentumGeV(), 0.0, 1.0, "GeV/c");
        this.removalEnergyGeV = Checks.inClosedRange("removalEnergyGeV",
                b.removalEnergyGeV != null ? b.removalEnergyGeV
                        : nucleus.defaultRemovalEnergyGeV(), 0.0, 0.2, "GeV");
        this.pauliBlocking = b.pauliBlocking;
        this.axialMassGeV = Checks.inHalfOpenRange("axialMassGeV", b.axialMassGeV,
                0.0, 10.0, "GeV");
        this.vectorMassSquaredGeV2 = Checks.inHalfOpenRange("vectorMassSquaredGeV2",
                b.vectorMassSquaredGeV2, 0.0, 10.0, "GeV^2");
        this.axialCoupling = Checks.inHalfOpenRange("axialCoupling", b.axialCoupling,
                0.0, 10.0, "(dimensionless, F_A(0) = -g_A)");
        this.protonMagneticMoment = Checks.inClosedRange("protonMagneticMoment",
                b.protonMagneticMoment, -10.0, 10.0, "nuclear magnetons");
        this.neutronMagneticMoment = Checks.inClosedRange("neutronMagneticMoment",
                b.neutronMagneticMoment, -10.0, 10.0, "nuclear magnetons");
        this.fermiConstantPerGeV2 = Checks.inHalfOpenRange("fermiConstantPerGeV2",
                b.fermiConstantPerGeV2, 0.0, 1.0e-3, "GeV^-2");
        this.vud = Checks.inHalfOpenRange("vud", b.vud, 0.0, 1.0, "(dimensionless)");
        this.protonMassGeV = Checks.inClosedRange("protonMassGeV", b.protonMassGeV,
                0.5, 1.5, "GeV");
        this.neutronMassGeV = Checks.inClosedRange("neutronMassGeV", b.neutronMassGeV,
                0.5, 1.5, "GeV");
        this.muonMassGeV = Checks.inHalfOpenRange("muonMassGeV", b.muonMassGeV,
                0.0, 0.5, "GeV");
        this.pionMassGeV = Checks.inHalfOpenRange("pionMassGeV", b.pionMassGeV,
                0.0, 1.0, "GeV");
        this.cm2PerGeVMinus2 = Checks.inHalfOpenRange("cm2PerGeVMinus2", b.cm2PerGeVMinus2,
                0.0, 1.0e-26, "cm^2");
        this.maxNeutrinoEnergyGeV = Checks.inHalfOpenRange("maxNeutrinoEnergyGeV",
                b.maxNeutrinoEnergyGeV, 0.0, 1000.0, "GeV");
        this.maxMuonMomentumGeV = Checks.inHalfOpenRange("maxMuonMomentumGeV",
                b.maxMuonMomentumGeV, 0.0, 1000.0, "GeV/c");
    }

    /** The project defaults: muon antineutrino on carbon-12, {@code M_A = 1.03 GeV}. */
    public static CcqeParameters defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this object's values (k_F and eps_B stay explicit). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.flavour = flavour;
        b.nucleus = nucleus;
        b.fermiMomentumGeV = fermiMomentumGeV;
        b.removalEnergyGeV = removalEnergyGeV;
        b.pauliBlocking = pauliBlocking;
        b.axialMassGeV = axialMassGeV;
        b.vectorMassSquaredGeV2 = vectorMassSquaredGeV2;
        b.axialCoupling = axialCoupling;
        b.protonMagneticMoment = protonMagneticMoment;
        b.neutronMagneticMoment = neutronMagneticMoment;
        b.fermiConstantPerGeV2 = fermiConstantPerGeV2;
        b.vud = vud;
        b.protonMassGeV = protonMassGeV;
        b.neutronMassGeV = neutronMassGeV;
        b.muonMassGeV = muonMassGeV;
        b.pionMassGeV = pionMassGeV;
        b.cm2PerGeVMinus2 = cm2PerGeVMinus2;
        b.maxNeutrinoEnergyGeV = maxNeutrinoEnergyGeV;
        b.maxMuonMomentumGeV = maxMuonMomentumGeV;
        return b;
    }

    /** Incoming neutrino flavour. */
    public Flavour flavour() {
        return flavour;
    }

    /** Target nucleus. */
    public Nucleus nucleus() {
        return nucleus;
    }

    /** Fermi momentum {@code k_F} in GeV/c; the nucleon momentum {@code p_N} is in (0, k_F]. */
    public double fermiMomentumGeV() {
        return fermiMomentumGeV;
    }

    /** Removal energy {@code eps_B} in GeV, subtracted from the energy transfer. */
    public double removalEnergyGeV() {
        return removalEnergyGeV;
    }

    /** Whether Pauli blocking ({@code |p'| > k_F}) is applied. */
    public boolean pauliBlocking() {
        return pauliBlocking;
    }

    /** Axial dipole mass {@code M_A} in GeV. */
    public double axialMassGeV() {
        return axialMassGeV;
    }

    /** Vector dipole mass squared {@code M_V^2} in GeV^2. */
    public double vectorMassSquaredGeV2() {
        return vectorMassSquaredGeV2;
    }

    /** Axial coupling {@code g_A > 0}; the axial form factor is {@code F_A(0) = -g_A}. */
    public double axialCoupling() {
        return axialCoupling;
    }

    /** Proton magnetic moment {@code mu_p} in nuclear magnetons. */
    public double protonMagneticMoment() {
        return protonMagneticMoment;
    }

    /** Neutron magnetic moment {@code mu_n} in nuclear magnetons. */
    public double neutronMagneticMoment() {
        return neutronMagneticMoment;
    }

    /** Fermi constant {@code G_F} in GeV^-2. */
    public double fermiConstantPerGeV2() {
        return fermiConstantPerGeV2;
    }

    /** CKM element {@code V_ud}. */
    public double vud() {
        return vud;
    }

    /** Proton mass in GeV. */
    public double protonMassGeV() {
        return protonMassGeV;
    }

    /** Neutron mass in GeV. */
    public double neutronMassGeV() {
        return neutronMassGeV;
    }

    /** Muon mass in GeV. */
    public double muonMassGeV() {
        return muonMassGeV;
    }

    /** Charged-pion mass in GeV. */
    public double pionMassGeV() {
        return pionMassGeV;
    }

    /** Conversion {@code (hbar c)^2}: 1 GeV^-2 in cm^2. */
    public double cm2PerGeVMinus2() {
        return cm2PerGeVMinus2;
    }

    /** Upper end of the generated neutrino energy range in GeV (the range starts at 0). */
    public double maxNeutrinoEnergyGeV() {
        return maxNeutrinoEnergyGeV;
    }

    /** Upper end of the generated muon momentum range in GeV/c (the range starts at 0). */
    public double maxMuonMomentumGeV() {
        return maxMuonMomentumGeV;
    }

    /** Mass of the struck nucleon: neutron for nu, proton for nu-bar, in GeV. */
    public double initialNucleonMassGeV() {
        return flavour.isAntineutrino() ? protonMassGeV : neutronMassGeV;
    }

    /** Mass of the outgoing nucleon: proton for nu, neutron for nu-bar, in GeV. */
    public double finalNucleonMassGeV() {
        return flavour.isAntineutrino() ? neutronMassGeV : protonMassGeV;
    }

    /** Nucleon mass of the hadron vertex, {@code M = (M_p + M_n)/2}, in GeV. */
    public double vertexNucleonMassGeV() {
        return 0.5 * (protonMassGeV + neutronMassGeV);
    }

    /**
     * The stable text form: {@code ccqe-parameters-v1;key=value;...} with every parameter in a
     * fixed order; doubles as {@link Double#toString(double)}, so parsing restores them exactly.
     */
    public String toCanonicalString() {
        StringBuilder sb = new StringBuilder(FORMAT_TAG);
        for (Map.Entry<String, Field> entry : FIELDS.entrySet()) {
            sb.append(';').append(entry.getKey()).append('=')
                    .append(entry.getValue().getter.apply(this));
        }
        return sb.toString();
    }

    /**
     * Parses {@link #toCanonicalString()}. Every key must be present exactly once.
     *
     * @throws IllegalArgumentException on a wrong tag, an unknown, repeated or missing key, or
     *     a value that is malformed or out of range (the message names it)
     */
    public static CcqeParameters parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] tokens = text.strip().split(";", -1);
        if (!tokens[0].equals(FORMAT_TAG)) {
            throw new IllegalArgumentException("CCQE parameters text must start with '"
                    + FORMAT_TAG + "', got '" + tokens[0] + "'");
        }
        Builder b = new Builder();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "CCQE parameters entry must be key=value, got '" + tokens[i] + "'");
            }
            String key = tokens[i].substring(0, eq);
            String value = tokens[i].substring(eq + 1);
            Field field = FIELDS.get(key);
            if (field == null) {
                throw new IllegalArgumentException("unknown CCQE parameter '" + key
                        + "'; known: " + FIELDS.keySet());
            }
            if (seen.put(key, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("CCQE parameter '" + key + "' is repeated");
            }
            field.setter.accept(b, value);
        }
        for (String key : FIELDS.keySet()) {
            if (!seen.containsKey(key)) {
                throw new IllegalArgumentException("CCQE parameter '" + key + "' is missing");
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcqeParameters other
                && toCanonicalString().equals(other.toCanonicalString());
    }

    @Override
    public int hashCode() {
        return toCanonicalString().hashCode();
    }

    @Override
    public String toString() {
        return toCanonicalString();
    }

    private record Field(Function<CcqeParameters, String> getter,
            BiConsumer<Builder, String> setter) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("flavour", new Field(p -> p.flavour.name(),
                (b, v) -> b.flavour(parseEnum(Flavour.class, "flavour", v))));
        FIELDS.put("nucleus", new Field(p -> p.nucleus.name(),
                (b, v) -> b.nucleus = parseEnum(Nucleus.class, "nucleus", v)));
        putDouble("fermiMomentumGeV", p -> p.fermiMomentumGeV, Builder::fermiMomentumGeV);
        putDouble("removalEnergyGeV", p -> p.removalEnergyGeV, Builder::removalEnergyGeV);
        FIELDS.put("pauliBlocking", new Field(p -> Boolean.toString(p.pauliBlocking),
                (b, v) -> b.pauliBlocking(parseBoolean("pauliBlocking", v))));
        putDouble("axialMassGeV", p -> p.axialMassGeV, Builder::axialMassGeV);
        putDouble("vectorMassSquaredGeV2", p -> p.vectorMassSquaredGeV2,
                Builder::vectorMassSquaredGeV2);
        putDouble("axialCoupling", p -> p.axialCoupling, Builder::axialCoupling);
        putDouble("protonMagneticMoment", p -> p.protonMagneticMoment,
                Builder::protonMagneticMoment);
        putDouble("neutronMagneticMoment", p -> p.neutronMagneticMoment,
                Builder::neutronMagneticMoment);
        putDouble("fermiConstantPerGeV2", p -> p.fermiConstantPerGeV2,
                Builder::fermiConstantPerGeV2);
        putDouble("vud", p -> p.vud, Builder::vud);
        putDouble("protonMassGeV", p -> p.protonMassGeV, Builder::protonMassGeV);
        putDouble("neutronMassGeV", p -> p.neutronMassGeV, Builder::neutronMassGeV);
        putDouble("muonMassGeV", p -> p.muonMassGeV, Builder::muonMassGeV);
        putDouble("pionMassGeV", p -> p.pionMassGeV, Builder::pionMassGeV);
        putDouble("cm2PerGeVMinus2", p -> p.cm2PerGeVMinus2, Builder::cm2PerGeVMinus2);
        putDouble("maxNeutrinoEnergyGeV", p -> p.maxNeutrinoEnergyGeV,
                Builder::maxNeutrinoEnergyGeV);
        putDouble("maxMuonMomentumGeV", p -> p.maxMuonMomentumGeV,
                Builder::maxMuonMomentumGeV);
    }

    private interface DoubleSetter {
        Builder set(Builder b, double value);
    }

    private static void putDouble(String key, Function<CcqeParameters, Double> getter,
            DoubleSetter setter) {
        FIELDS.put(key, new Field(p -> Double.toString(getter.apply(p)),
                (b, v) -> setter.set(b, parseDouble(key, v))));
    }

    private static double parseDouble(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "CCQE parameter '" + key + "' must be a number, got '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(
                "CCQE parameter '" + key + "' must be true or false, got '" + value + "'");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CCQE parameter '" + key + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got '" + value
                    + "'", e);
        }
    }

    /**
     * Mutable builder; {@link #build()} validates. The Fermi momentum and removal energy
     * default to those of the chosen {@link Nucleus} unless set explicitly.
     */
    public static final class Builder {
        private Flavour flavour = Flavour.MUON_ANTINEUTRINO;
        private Nucleus nucleus = Nucleus.CARBON_12;
        private Double fermiMomentumGeV;
        private Double removalEnergyGeV;
        private boolean pauliBlocking = true;
        private double axialMassGeV = DEFAULT_AXIAL_MASS_GEV;
        private double vectorMassSquaredGeV2 = DEFAULT_VECTOR_MASS_SQUARED_GEV2;
        private double axialCoupling = DEFAULT_AXIAL_COUPLING;
        private double protonMagneticMoment = DEFAULT_PROTON_MAGNETIC_MOMENT;
        private double neutronMagneticMoment = DEFAULT_NEUTRON_MAGNETIC_MOMENT;
        private double fermiConstantPerGeV2 = DEFAULT_FERMI_CONSTANT_PER_GEV2;
        private double vud = DEFAULT_VUD;
        private double protonMassGeV = DEFAULT_PROTON_MASS_GEV;
        private double neutronMassGeV = DEFAULT_NEUTRON_MASS_GEV;
        private double muonMassGeV = DEFAULT_MUON_MASS_GEV;
        private double pionMassGeV = DEFAULT_PION_MASS_GEV;
        private double cm2PerGeVMinus2 = DEFAULT_CM2_PER_GEV_MINUS2;
        private double maxNeutrinoEnergyGeV = DEFAULT_MAX_NEUTRINO_ENERGY_GEV;
        private double maxMuonMomentumGeV = DEFAULT_MAX_MUON_MOMENTUM_GEV;

        private Builder() {
        }

        /** Sets the flavour. */
        public Builder flavour(Flavour value) {
            this.flavour = Objects.requireNonNull(value, "flavour");
            return this;
        }

        /**
         * Sets the nucleus; its default k_F and eps_B are used unless set explicitly, and an
         * earlier explicit k_F or eps_B is forgotten.
         */
        public Builder nucleus(Nucleus value) {
            this.nucleus = Objects.requireNonNull(value, "nucleus");
            this.fermiMomentumGeV = null;
            this.removalEnergyGeV = null;
            return this;
        }

        /** Sets {@code k_F} in GeV/c, in (0, 1]. */
        public Builder fermiMomentumGeV(double value) {
            this.fermiMomentumGeV = value;
            return this;
        }

        /** Sets {@code eps_B} in GeV, in [0, 0.2]. */
        public Builder removalEnergyGeV(double value) {
            this.removalEnergyGeV = value;
            return this;
        }

        /** Switches Pauli blocking on or off. */
        public Builder pauliBlocking(boolean value) {
            this.pauliBlocking = value;
            return this;
        }

        /** Sets {@code M_A} in GeV, in (0, 10]. */
        public Builder axialMassGeV(double value) {
            this.axialMassGeV = value;
            return this;
        }

        /** Sets {@code M_V^2} in GeV^2, in (0, 10]. */
        public Builder vectorMassSquaredGeV2(double value) {
            this.vectorMassSquaredGeV2 = value;
            return this;
        }

        /** Sets {@code g_A} in (0, 10]; {@code F_A(0) = -g_A}. */
        public Builder axialCoupling(double value) {
            this.axialCoupling = value;
            return this;
        }

        /** Sets {@code mu_p} in [-10, 10] nuclear magnetons. */
        public Builder protonMagneticMoment(double value) {
            this.protonMagneticMoment = value;
            return this;
        }

        /** Sets {@code mu_n} in [-10, 10] nuclear magnetons. */
        public Builder neutronMagneticMoment(double value) {
            this.neutronMagneticMoment = value;
            return this;
        }

        /** Sets {@code G_F} in GeV^-2, in (0, 1e-3]. */
        public Builder fermiConstantPerGeV2(double value) {
            this.fermiConstantPerGeV2 = value;
            return this;
        }

        /** Sets {@code V_ud} in (0, 1]. */
        public Builder vud(double value) {
            this.vud = value;
            return this;
        }

        /** Sets the proton mass in GeV, in [0.5, 1.5]. */
        public Builder protonMassGeV(double value) {
            this.protonMassGeV = value;
            return this;
        }

        /** Sets the neutron mass in GeV, in [0.5, 1.5]. */
        public Builder neutronMassGeV(double value) {
            this.neutronMassGeV = value;
            return this;
        }

        /** Sets the muon mass in GeV, in (0, 0.5]. */
        public Builder muonMassGeV(double value) {
            this.muonMassGeV = value;
            return this;
        }

        /** Sets the charged-pion mass in GeV, in (0, 1]. */
        public Builder pionMassGeV(double value) {
            this.pionMassGeV = value;
            return this;
        }

        /** Sets 1 GeV^-2 in cm^2, in (0, 1e-26]. */
        public Builder cm2PerGeVMinus2(double value) {
            this.cm2PerGeVMinus2 = value;
            return this;
        }

        /** Sets the upper end of the generated {@code E_nu} range in GeV, in (0, 1000]. */
        public Builder maxNeutrinoEnergyGeV(double value) {
            this.maxNeutrinoEnergyGeV = value;
            return this;
        }

        /** Sets the upper end of the generated {@code p_mu} range in GeV/c, in (0, 1000]. */
        public Builder maxMuonMomentumGeV(double value) {
            this.maxMuonMomentumGeV = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public CcqeParameters build() {
            return new CcqeParameters(this);
        }
    }
}
