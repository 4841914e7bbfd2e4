#include "predict/autocorrelation.h"

#include <array>
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

Complex conjugate(Complex a)
{
    return { a.real(), -a.imag() };
}

double squaredMagnitude(Complex a)
{
    return a.real() * a.real() + a.imag() * a.imag();
}

// e^(-2πik/size) for k < size/2, computed once per size and thread: the
// transforms below read their twiddles from it instead of stepping a
// rotation along, which costs a product per butterfly and drifts.
const std::vector<Complex> &twiddles(size_t size)
{
    thread_local std::array<std::vector<Complex>, 64> bySize;
    std::vector<Complex> &table = bySize[size_t(std::countr_zero(size))];
    if (table.empty()) {
        table.resize(size / 2);
        for (size_t k = 0; k < table.size(); ++k) {
            const double angle = -2 * std::numbers::pi * double(k) / double(size);
            table[k] = { std::cos(angle), std::sin(angle) };
        }
    }
    return table;
}

// In-place iterative radix-2 FFT of a.size() points, its twiddles read from
// `table` (that of a size that is a multiple of a.size(), at least twice
// it); `inverse` leaves the result unscaled.
void fft(std::vector<Complex> &a, bool inverse, const std::vector<Complex> &table)
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
    const size_t tableSize = 2 * table.size();
    for (size_t len = 2; len <= n; len <<= 1) {
        const size_t stride = tableSize / len;
        for (size_t i = 0; i < n; i += len) {
            for (size_t k = 0; k < len / 2; ++k) {
                const Complex w = inverse ? conjugate(table[k * stride]) : table[k * stride];
                const Complex u = a[i + k];
                const Complex v = times(a[i + k + len / 2], w);
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
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
    // wrapping around onto the lags we read. The series is real, so its
    // transform is one of half the size: even samples as the real parts,
    // odd ones as the imaginary parts. Its power spectrum is real and
    // symmetric, so the correlation, also real, comes back the same way.
    const size_t size = std::bit_ceil(n + size_t(maxLag) + 1);
    const size_t half = size / 2;
    const std::vector<Complex> &w = twiddles(size);
    std::vector<Complex> packed(half);
    for (size_t i = 0; i < n; ++i) {
        const double x = std::isfinite(values[i]) ? values[i] - mean : 0.0;
        if (i % 2 == 0)
            packed[i / 2].real(x);
        else
            packed[i / 2].imag(x);
    }
    fft(packed, false, w);
    // The spectrum at k and k + half from the even and odd samples'
    // transforms, E and O; their powers, folded into the correlation's
    // packed transform: even lags from the sum, odd ones from the difference.
    std::vector<Complex> power(half);
    for (size_t k = 0; k < half; ++k) {
        const Complex z = packed[k];
        const Complex mirror = conjugate(packed[(half - k) & (half - 1)]);
        const Complex even = (z + mirror) * 0.5;
        const Complex odd = times(z - mirror, Complex(0, -0.5));
        const Complex turned = times(w[k], odd);
        const double low = squaredMagnitude(even + turned);
        const double high = squaredMagnitude(even - turned);
        power[k] = Complex(low + high, 0) + times(Complex(0, low - high), conjugate(w[k]));
    }
    fft(power, true, w);
    const auto correlation = [&power](size_t lag) {
        return lag % 2 == 0 ? power[lag / 2].real() : power[lag / 2].imag();
    };

    const double variance = correlation(0);
    if (!(variance > 1e-12 * (1 + mean * mean) * double(n)))
        return acf;
    for (size_t k = 0; k < acf.size() && k < n; ++k)
        acf[k] = correlation(k) / variance;
    return acf;
}

} // namespace Umbra::Predict
