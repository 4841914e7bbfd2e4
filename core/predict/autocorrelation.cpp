#include "predict/autocorrelation.h"

#include <bit>
#include <cmath>
#include <complex>
#include <numbers>

namespace Umbra::Predict {

namespace {

using Complex = std::complex<double>;

// The product written out: std::complex's operator* checks for infinities
// and NaN through a library call (C99 Annex G), which made it most of a
// refit's time. The values here are always finite.
Complex times(Complex a, Complex b)
{
    return { a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real() };
}

// In-place iterative radix-2 FFT; `inverse` leaves the result unscaled.
void fft(std::vector<Complex> &a, bool inverse)
{
    const size_t n = a.size();
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const double angle = 2 * std::numbers::pi / double(len) * (inverse ? 1 : -1);
        const Complex step(std::cos(angle), std::sin(angle));
        for (size_t i = 0; i < n; i += len) {
            Complex w(1);
            for (size_t k = 0; k < len / 2; ++k) {
                const Complex u = a[i + k];
                const Complex v = times(a[i + k + len / 2], w);
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                w = times(w, step);
            }
        }
    }
}

} // namespace

std::vector<double> autocorrelation(std::span<const double> values, int maxLag)
{
    const size_t n = values.size();
    std::vector<double> acf(size_t(std::max(maxLag, 0)) + 1, 0.0);
    if (n < 2)
        return acf;

    double sum = 0;
    size_t count = 0;
    for (double v : values) {
        if (std::isfinite(v)) {
            sum += v;
            ++count;
        }
    }
    if (count < 2)
        return acf;
    const double mean = sum / double(count);

    // Zero padding to at least n + maxLag keeps the circular correlation from
    // wrapping around onto the lags we read.
    const size_t size = std::bit_ceil(n + size_t(maxLag) + 1);
    std::vector<Complex> buffer(size);
    for (size_t i = 0; i < n; ++i)
        buffer[i] = std::isfinite(values[i]) ? values[i] - mean : 0.0;
    fft(buffer, false);
    for (Complex &c : buffer)
        c = Complex(std::norm(c), 0);
    fft(buffer, true);

    const double variance = buffer[0].real();
    if (!(variance > 1e-12 * (1 + mean * mean) * double(n)))
        return acf;
    for (size_t k = 0; k < acf.size() && k < n; ++k)
        acf[k] = buffer[k].real() / variance;
    return acf;
}

} // namespace Umbra::Predict
