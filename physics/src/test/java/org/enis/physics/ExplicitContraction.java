package org.enis.physics;

/**
 * The contraction {@code S} of ccqe-model.md evaluated from explicit four-vectors, term by
 * term as written there, with the form factors at {@code Q~^2 = -q~^2}. An independent check
 * of the closed-form azimuthal average used by the production kernel.
 */
final class ExplicitContraction {

    private final CcqeParameters parameters;

    ExplicitContraction(CcqeParameters parameters) {
        this.parameters = parameters;
    }

    /** {@code S(k, k', p, q~)} in GeV^4. */
    double contraction(FourMomentum k, FourMomentum kPrime, FourMomentum p,
            FourMomentum qEff) {
        double m = parameters.vertexNucleonMassGeV();
        double m2 = m * m;
        double bigQ2 = -qEff.massSquared();
        double tau = bigQ2 / (4.0 * m2);
        double gD = Math.pow(1.0 + bigQ2 / parameters.vectorMassSquaredGeV2(), -2);
        double gM = (parameters.protonMagneticMoment() - parameters.neutronMagneticMoment())
                * gD;
        double f1 = (gD + tau * gM) / (1.0 + tau);
        double f2 = (gM - gD) / (1.0 + tau);
        double fA = -parameters.axialCoupling()
                * Math.pow(1.0 + bigQ2 / Math.pow(parameters.axialMassGeV(), 2), -2);
        double fP = 2.0 * m2 * fA / (Math.pow(parameters.pionMassGeV(), 2) + bigQ2);
        double h1 = fA * fA * (1.0 + tau) + tau * (f1 + f2) * (f1 + f2);
        double h2 = fA * fA + f1 * f1 + tau * f2 * f2;
        double h3 = 2.0 * fA * (f1 + f2);
        double h4 = f2 * f2 * (1.0 - tau) / 4.0 + f1 * f2 / 2.0 + fA * fP - tau * fP * fP;
        double eta = parameters.flavour().isAntineutrino() ? 1.0 : -1.0;

        double kk = k.dot(kPrime);
        double kp = k.dot(p);
        double kpp = kPrime.dot(p);
        double kq = k.dot(qEff);
        double kpq = kPrime.dot(qEff);
        double pq = p.dot(qEff);
        return 2.0 * m2 * kk * h1
                + (2.0 * kp * kpp - m2 * kk + kp * kpq + kpp * kq - kk * pq) * h2
                + eta * (kp * kpq - kq * kpp) * h3
                + (kk * qEff.massSquared() - 2.0 * kq * kpq) * h4;
    }
}
