package org.enis.physics;

import java.util.Objects;
import org.enis.physics.internal.CcqeKernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CCQE target density {@code p(x)} of the generator: the relativistic-Fermi-gas cross
 * section with Pauli blocking and removal energy (Llewellyn Smith form factors, de Forest
 * prescription, azimuth-averaged in closed form), as a density in
 * {@code x = (E_nu, p_mu, theta_mu, p_N)} times the flux weight.
 *
 * <p>Formula (shared/reference/ccqe-model.md):
 * {@code p(x) = phi(E_nu) * sin(theta) * [3 p_N^2/k_F^3] G_F^2 V_ud^2 p_mu^2 <S>
 * / (4 pi p_N |q| E_nu E_N E_mu)}, in 1e-38 cm^2 per GeV/c per GeV/c per rad per target
 * nucleon. The {@code sin(theta)} is the Jacobian from {@code cos(theta)} to the generated
 * variable {@code theta}.
 *
 * <p>Support: {@code p(x) > 0} only where {@code 0 < p_N <= k_F}, {@code 0 <= theta <= pi},
 * {@code phi(E_nu) > 0} (the default flat flux is 1 on {@code [0, E_max]}),
 * {@code 0 < p_mu <= p_max} (automatic for the default {@code p_max = E_max}), energy
 * conservation has a solution ({@code |cos(alpha0)| <= 1}) and
 * the outgoing nucleon is above the Fermi sea ({@code |p'| > k_F}, when Pauli blocking is on);
 * exactly 0 elsewhere. Immutable and thread-safe; the batch method allocates nothing.
 */
public final class CcqeTargetDensity implements TargetDensity {

    private static final Logger LOG = LoggerFactory.getLogger(CcqeTargetDensity.class);

    private final CcqeParameters parameters;
    private final Flux flux;
    private final CcqeKernel kernel;
    /** Flat flux range, or NaN when the flux is a histogram; avoids a virtual call. */
    private final double flatMinGeV;
    private final double flatMaxGeV;
    private final double maxMuonMomentumGeV;

    /** The density with the default flat flux over {@code [0, maxNeutrinoEnergyGeV]}. */
    public CcqeTargetDensity(CcqeParameters parameters) {
        this(parameters, Flux.flatOver(parameters));
    }

    /**
     * The density with a given flux.
     *
     * @throws IllegalArgumentException if the flux lies wholly below the CCQE threshold, so
     *     that the density would be zero everywhere (a sampler would never accept)
     */
    public CcqeTargetDensity(CcqeParameters parameters, Flux flux) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.flux = Objects.requireNonNull(flux, "flux");
        this.kernel = new CcqeKernel(parameters);
        double threshold = kernel.energyThresholdLowerBound();
        if (!(flux.maxEnergyGeV() > threshold)) {
            throw new IllegalArgumentException(String.format("the flux ends at %s GeV, at or "
                    + "below the CCQE threshold %.4f GeV of %s on %s: the target density "
                    + "would be zero everywhere", flux.maxEnergyGeV(), threshold,
                    parameters.flavour(), parameters.nucleus()));
        }
        this.maxMuonMomentumGeV = parameters.maxMuonMomentumGeV();
        LOG.debug("CCQE target density {} with flux {}", parameters.toCanonicalString(),
                flux.toCanonicalString());
        boolean flat = flux instanceof FlatFlux;
        this.flatMinGeV = flat ? flux.minEnergyGeV() : Double.NaN;
        this.flatMaxGeV = flat ? flux.maxEnergyGeV() : Double.NaN;
    }

    /** The model parameters. */
    public CcqeParameters parameters() {
        return parameters;
    }

    /** The flux in {@code E_nu}. */
    public Flux flux() {
        return flux;
    }

    /**
     * A lower bound in GeV on the neutrino energy where the density can be non-zero (about
     * 0.13 GeV for carbon); below it the density is 0 for every {@code (p_mu, theta, p_N)}.
     */
    public double energyThresholdLowerBoundGeV() {
        return kernel.energyThresholdLowerBound();
    }

    /** The generation box of the parameters. */
    public PhaseSpaceBox generationBox() {
        return PhaseSpaceBox.generation(parameters);
    }

    @Override
    public double density(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV) {
        if (!(Double.isFinite(eNuGeV) && Double.isFinite(pMuGeV) && Double.isFinite(thetaMuRad)
                && Double.isFinite(pNGeV))) {
            throw nonFinite(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
        }
        double weight = fluxWeight(eNuGeV);
        if (!(weight > 0.0 && pMuGeV <= maxMuonMomentumGeV)) {
            return 0.0;
        }
        return weight * kernel.densityInTheta(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
    }

    @Override
    public void density(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad, double[] pNGeV,
            double[] out, int from, int to) {
        TargetDensity.checkBatchRange(eNuGeV, pMuGeV, thetaMuRad, pNGeV, out, from, to);
        for (int i = from; i < to; i++) {
            out[i] = density(eNuGeV[i], pMuGeV[i], thetaMuRad[i], pNGeV[i]);
        }
    }

    /**
     * {@code d3sigma/(dp_N dp_mu dcos(theta))} in 1e-38 cm^2/GeV^2 per target nucleon, without
     * the flux and without the {@code sin(theta)} Jacobian: the cross section in the variables
     * of the reference tables.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite, or
     *     {@code |cosTheta| > 1}
     */
    public double crossSectionPerCosTheta(double eNuGeV, double pMuGeV, double cosThetaMu,
            double pNGeV) {
        if (!(Double.isFinite(eNuGeV) && Double.isFinite(pMuGeV) && Double.isFinite(pNGeV))) {
            throw nonFinite(eNuGeV, pMuGeV, cosThetaMu, pNGeV);
        }
        if (!(cosThetaMu >= -1.0 && cosThetaMu <= 1.0)) {
            throw new IllegalArgumentException(
                    "cos(theta_mu) must be in [-1, 1], got " + cosThetaMu);
        }
        return kernel.evaluate(eNuGeV, pMuGeV, cosThetaMu, pNGeV, null);
    }

    private double fluxWeight(double eNuGeV) {
        if (flatMinGeV == flatMinGeV) {
            return eNuGeV >= flatMinGeV && eNuGeV <= flatMaxGeV ? 1.0 : 0.0;
        }
        return flux.weight(eNuGeV);
    }

    private static IllegalArgumentException nonFinite(double eNu, double pMu, double theta,
            double pN) {
        return new IllegalArgumentException(String.format("density needs finite E_nu (GeV), "
                + "p_mu (GeV/c), theta_mu (rad) and p_N (GeV/c), got (%s, %s, %s, %s)",
                eNu, pMu, theta, pN));
    }

    /** Kernel shared with the integrators and the final-state generator of this package. */
    CcqeKernel kernel() {
        return kernel;
    }

    @Override
    public String toString() {
        return "CcqeTargetDensity[" + parameters.toCanonicalString() + ", "
                + flux.toCanonicalString() + "]";
    }
}
