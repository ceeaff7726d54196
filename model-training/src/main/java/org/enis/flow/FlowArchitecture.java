package org.enis.flow;

/**
 * How each flow step conditions its rational-quadratic spline transformer.
 *
 * <p>Both variants put a random permutation and an LU-parametrised linear map before every
 * spline step, as in the Neural Spline Flow reference configuration (Durkan et al.,
 * arXiv:1906.04032), and differ only in the conditioner of the spline.
 */
public enum FlowArchitecture {

    /**
     * Masked autoregressive conditioner (MADE with residual blocks, Germain et al.
     * arXiv:1502.03509): spline i depends on features &lt; i. Density evaluation is one network
     * pass per step; sampling needs one pass per dimension per step. This is the paper's choice.
     */
    MASKED_AUTOREGRESSIVE,

    /**
     * Coupling conditioner: half of the features pass unchanged and condition the splines of the
     * other half through a residual network. Density evaluation and sampling are both one pass
     * per step, which makes sampling about four times cheaper in four dimensions.
     */
    COUPLING
}
