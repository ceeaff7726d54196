package org.enis.physics;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.enis.physics.internal.Checks;
import org.enis.physics.internal.GaussKronrod;

/**
 * One-dimensional marginals of a {@link CcqeTargetDensity} {@code p(x)}: {@code p} integrated
 * over the three other variables, including {@code E_nu} weighted by the flux. Units: those
 * of {@code p} times the units of the integrated variables, i.e. 1e-38 cm^2 GeV per unit of
 * the marginal variable (GeV, GeV/c, rad, GeV/c) for the default flat flux of weight 1.
 *
 * <ul>
 *   <li>{@code E_nu}: {@code phi(E) sigma(E)}, the cross section for a flat flux;</li>
 *   <li>{@code p_mu}, {@code theta_mu}, {@code p_N}: {@code int dE phi(E) dsigma/dX(E)}.</li>
 * </ul>
 * The energy integral runs over each flat piece of the flux (each histogram bin) with an
 * adaptive Gauss-Kronrod rule at the relative accuracy of the fixed-energy integrals of
 * {@link NuclearCrossSection}. Immutable and thread-safe.
 */
public final class MarginalDistributions {

    private final CcqeTargetDensity density;
    private final NuclearCrossSection crossSection;
    private final double[] fluxPieces;

    /** Marginals at {@link NuclearCrossSection#DEFAULT_RELATIVE_ACCURACY}. */
    public MarginalDistributions(CcqeTargetDensity density) {
        this(density, NuclearCrossSection.DEFAULT_RELATIVE_ACCURACY);
    }

    /** Marginals at a chosen relative accuracy in [1e-10, 0.1]. */
    public MarginalDistributions(CcqeTargetDensity density, double relativeAccuracy) {
        this.density = Objects.requireNonNull(density, "density");
        CcqeParameters parameters = density.parameters();
        this.crossSection = new NuclearCrossSection(parameters, relativeAccuracy,
                parameters.maxMuonMomentumGeV());
        this.fluxPieces = fluxPieces(density.flux());
    }

    /** The density whose marginals these are. */
    public CcqeTargetDensity density() {
        return density;
    }

    /**
     * The marginal density of variable {@code variable} (0..3, see {@link PhaseSpaceBox}) at
     * {@code value}; 0 outside the support.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     * @throws IndexOutOfBoundsException unless {@code 0 <= variable <= 3}
     */
    public double marginal(int variable, double value) {
        Checks.finite(PhaseSpaceBox.variableName(variable), value,
                PhaseSpaceBox.variableUnit(variable));
        CcqeParameters parameters = density.parameters();
        switch (variable) {
            case PhaseSpaceBox.NEUTRINO_ENERGY:
                double weight = density.flux().weight(value);
                return weight > 0.0 ? weight * crossSection.totalCrossSection(value) : 0.0;
            case PhaseSpaceBox.MUON_MOMENTUM:
                return overFlux(e -> crossSection.dSigmaDMuonMomentum(e, value));
            case PhaseSpaceBox.MUON_ANGLE:
                return overFlux(e -> crossSection.dSigmaDTheta(e, value));
            default:
                if (!(value > 0.0 && value <= parameters.fermiMomentumGeV())) {
                    return 0.0;
                }
                return overFlux(e -> crossSection.dSigmaDNucleonMomentum(e, value));
        }
    }

    /**
     * The integral of {@code p} over all four variables: the normalisation of the target
     * density ({@code int phi(E) sigma(E) dE}), in 1e-38 cm^2 GeV for a flat flux.
     */
    public double total() {
        return overFlux(crossSection::totalCrossSection);
    }

    private double overFlux(DoubleUnaryOperator atEnergy) {
        Flux flux = density.flux();
        double sum = 0.0;
        for (int i = 0; i + 1 < fluxPieces.length; i++) {
            double lo = fluxPieces[i];
            double hi = fluxPieces[i + 1];
            double weight = flux.weight(0.5 * (lo + hi));
            if (weight > 0.0) {
                sum += weight * GaussKronrod.integrateWithError(atEnergy, lo, hi,
                        crossSection.relativeAccuracy(), 0.0, 400).value();
            }
        }
        return sum;
    }

    /** Edges of the pieces on which the flux is constant. */
    private static double[] fluxPieces(Flux flux) {
        if (flux instanceof HistogramFlux histogram) {
            return histogram.edges();
        }
        return new double[] {flux.minEnergyGeV(), flux.maxEnergyGeV()};
    }
}
