// HAProxy's runtime API as Umbra drives it, against a real HAProxy on
// loopback (the traffic tests' fixture, tests/core/haproxyfixture.h: backend
// `be`, roundrobin, servers a and b answering with their names):
//
//  - the round trip of `show info`, `show stat` and `set weight` over the
//    admin Unix socket (one connection per command, as RuntimeApi sends them);
//  - the time from a weight change to the first request served at the new
//    split: b goes from weight 0 to 1 beside a at 1, then requests are sent
//    one after another until b answers one. Measured from the moment the
//    command is sent, so it includes its round trip.
//
//   bench_traffic [--rounds N]
//
// Human-readable lines first, then one line with the figures as a JSON
// object. Results: docs/benchmarks.md.
#include "haproxyfixture.h"
#include "traffic/runtimeapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Umbra;
using namespace Umbra::Traffic;
using namespace Umbra::TestSupport;

namespace {

struct Figures
{
    std::vector<double> ms;

    double at(double q) const
    {
        if (ms.empty())
            return 0;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))];
    }
    QJsonObject toJson() const
    {
        const auto round = [](double v) { return qRound(v * 1000) / 1000.0; };
        return { { QStringLiteral("n"), int(ms.size()) },
                 { QStringLiteral("p50Ms"), round(at(0.5)) },
                 { QStringLiteral("p99Ms"), round(at(0.99)) },
                 { QStringLiteral("maxMs"), round(at(1.0)) } };
    }
    void print(const char *what) const
    {
        std::printf("%-40s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%zu)\n", what, at(0.5),
                    at(0.99), at(1.0), ms.size());
    }
};

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("rounds"), QStringLiteral("Measurements of each kind."),
                       QStringLiteral("N"), QStringLiteral("200") });
    parser.process(app);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    if (!HAProxyFixture::available()) {
        std::fprintf(stderr, "bench_traffic: haproxy is not installed\n");
        return 1;
    }
    HAProxyFixture haproxy;
    const ServerRef a{ QStringLiteral("be"), QStringLiteral("a") };
    const ServerRef b{ QStringLiteral("be"), QStringLiteral("b") };
    if (!haproxy.waitUp()) {
        std::fprintf(stderr, "bench_traffic: HAProxy's checks never saw both servers up\n");
        return 1;
    }
    auto balancer = Balancer::make(QStringLiteral("bench"), haproxy.adminSocket());
    if (!balancer) {
        std::fprintf(stderr, "bench_traffic: %s\n", qPrintable(balancer.error()));
        return 1;
    }
    const RuntimeApi api(balancer.value());

    Figures showInfo, showStat, setWeight, request, toNewSplit;
    int requestsToNewSplit = 0;
    int failures = 0;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        failures += api.info().ok() ? 0 : 1;
        showInfo.ms.push_back(msSince(t));
        t.restart();
        failures += api.stats().ok() ? 0 : 1;
        showStat.ms.push_back(msSince(t));
        t.restart();
        failures += api.setWeight(a, 1).ok() ? 0 : 1;
        setWeight.ms.push_back(msSince(t));
    }

    for (int i = 0; i < rounds; ++i) {
        // Everything to a: b at weight 0, two requests to settle the rotation.
        if (!api.setWeight(b, 0).ok()) {
            ++failures;
            continue;
        }
        for (int k = 0; k < 2; ++k) {
            QByteArray server;
            QElapsedTimer t;
            t.start();
            if (!requestOnce(haproxy.frontendPort(), &server) || server != "a")
                ++failures;
            request.ms.push_back(msSince(t));
        }
        // The new split, 1:1; the first request b serves is the first at it.
        QElapsedTimer t;
        t.start();
        if (!api.setWeight(b, 1).ok()) {
            ++failures;
            continue;
        }
        int sent = 0;
        QByteArray server;
        while (server != "b" && sent < 10) {
            ++sent;
            if (!requestOnce(haproxy.frontendPort(), &server))
                ++failures;
        }
        if (server != "b") {
            ++failures;
            continue;
        }
        toNewSplit.ms.push_back(msSince(t));
        requestsToNewSplit += sent;
    }
    (void)api.setWeight(b, 0);

    std::printf("HAProxy runtime API over a Unix socket, %d rounds\n", rounds);
    showInfo.print("show info");
    showStat.print("show stat");
    setWeight.print("set weight");
    request.print("one HTTP request through HAProxy");
    toNewSplit.print("set weight to first request at new split");
    const double perChange
        = toNewSplit.ms.empty() ? 0 : double(requestsToNewSplit) / double(toNewSplit.ms.size());
    std::printf("requests until the new split served one: %.2f on average; failures: %d\n",
                perChange, failures);
    const QJsonObject json{ { QStringLiteral("rounds"), rounds },
                            { QStringLiteral("showInfo"), showInfo.toJson() },
                            { QStringLiteral("showStat"), showStat.toJson() },
                            { QStringLiteral("setWeight"), setWeight.toJson() },
                            { QStringLiteral("request"), request.toJson() },
                            { QStringLiteral("weightToNewSplit"), toNewSplit.toJson() },
                            { QStringLiteral("requestsToNewSplit"), perChange },
                            { QStringLiteral("failures"), failures } };
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return failures == 0 ? 0 : 1;
}
