// The console against a live engine on the demo fleet (libvirt's test driver
// with simulated usage): the tree fills, a VM's charts fill, the filter works,
// and screenshots of each page in both themes at two window sizes are saved
// for a human to look at.

#include "demo/demofleet.h"
#include "engine/engine.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "hostpage.h"
#include "hostsdialog.h"
#include "hoststatusbar.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "vmpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Umbra;

namespace {

constexpr int kStartTimeoutMs = 30000;

QString artifactsDir()
{
    const QString fromEnv = qEnvironmentVariable("UMBRA_TEST_ARTIFACTS");
    return fromEnv.isEmpty() ? QStringLiteral(UMBRA_TEST_ARTIFACTS_DIR) : fromEnv;
}

bool fleetIsUp(const FleetModel &model)
{
    if (model.rowCount() < 3)
        return false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowCount(model.index(row, 0)) == 0)
            return false;
    }
    return true;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fleetAppears();
    void selectingVmFillsCharts();
    void modelsPassTester();
    void filterKeepsMatches();
    void statusBarHasEveryHost();
    void hostsDialogExplainsBadUri();
    void screenshots_data();
    void screenshots();

private:
    QModelIndex runningVm() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QString m_vmUri;
    QString m_vmUuid;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_engine = std::make_unique<Engine>();
    const Result<void> opened = m_engine->openStore(m_dir.filePath(QStringLiteral("umbra.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_engine->setIntervalMs(200);
    const auto demo = DemoFleet::install(m_dir.path());
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    for (const HostConfig &host : demo.value()) {
        const Result<void> added = m_engine->addHost(host);
        QVERIFY2(added.ok(), qPrintable(added.error()));
    }
    m_engine->start();

    m_window = std::make_unique<MainWindow>(m_engine.get(), true);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Umbra"));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    if (m_engine)
        m_engine->shutdown();
    m_engine.reset();
}

QModelIndex TestMainWindow::runningVm() const
{
    const FleetModel *model = m_window->fleetModel();
    for (int host = 0; host < model->rowCount(); ++host) {
        const QModelIndex parent = model->index(host, 0);
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex state = model->index(row, FleetModel::StateColumn, parent);
            if (VmState(state.data(FleetModel::RawValueRole).toInt()) == VmState::Running)
                return state.siblingAtColumn(FleetModel::NameColumn);
        }
    }
    return {};
}

void TestMainWindow::fleetAppears()
{
    QTRY_VERIFY_WITH_TIMEOUT(fleetIsUp(*m_window->fleetModel()), kStartTimeoutMs);
    // The tree shows hosts expanded, so VMs are visible without a click.
    const QAbstractItemModel *proxy = m_window->fleetView()->model();
    QVERIFY(m_window->fleetView()->isExpanded(proxy->index(0, 0)));
}

void TestMainWindow::selectingVmFillsCharts()
{
    QTRY_VERIFY_WITH_TIMEOUT(runningVm().isValid(), kStartTimeoutMs);
    const QModelIndex vm = runningVm();
    m_vmUri = vm.data(FleetModel::UriRole).toString();
    m_vmUuid = vm.data(FleetModel::UuidRole).toString();

    // Through the tree, as an operator would.
    const QModelIndex inTree = m_window->fleetProxy()->mapFromSource(vm);
    QVERIFY(inTree.isValid());
    m_window->fleetView()->setCurrentIndex(inTree);
    QCOMPARE(m_window->currentPage(), m_window->vmPage());
    QCOMPARE(m_window->vmPage()->uuid(), m_vmUuid);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->vmPage()->pointCount() >= 2, kStartTimeoutMs);
    // Live CPU figures reach the tree too.
    QTRY_VERIFY_WITH_TIMEOUT(
        qIsFinite(
            vm.siblingAtColumn(FleetModel::CpuColumn).data(FleetModel::RawValueRole).toDouble()),
        kStartTimeoutMs);
}

void TestMainWindow::modelsPassTester()
{
    // Watch both models while live samples stream in for a while.
    QAbstractItemModelTester source(m_window->fleetModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxy(m_window->fleetProxy(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::qWait(1500);
}

void TestMainWindow::filterKeepsMatches()
{
    const QString name = m_window->fleetModel()->vmName(m_vmUuid);
    QVERIFY(!name.isEmpty());
    QLineEdit *filter = m_window->fleetFilter();
    filter->clear();
    QTest::keyClicks(filter, name.toUpper()); // case-insensitive

    const QAbstractItemModel *proxy = m_window->fleetView()->model();
    int vmRows = 0;
    QVERIFY(proxy->rowCount() >= 1);
    for (int host = 0; host < proxy->rowCount(); ++host) {
        const QModelIndex parent = proxy->index(host, 0);
        const bool hostMatches = parent.data().toString().contains(name, Qt::CaseInsensitive);
        for (int row = 0; row < proxy->rowCount(parent); ++row) {
            const QString vmName = proxy->index(row, 0, parent).data().toString();
            QVERIFY2(hostMatches || vmName.contains(name, Qt::CaseInsensitive), qPrintable(vmName));
            ++vmRows;
        }
    }
    QVERIFY(vmRows >= 1);
    QVERIFY(proxy->rowCount() < m_window->fleetModel()->rowCount() || vmRows < 4);

    filter->clear();
    QCOMPARE(proxy->rowCount(), m_window->fleetModel()->rowCount());
}

void TestMainWindow::statusBarHasEveryHost()
{
    QCOMPARE(m_window->hostStatusBar()->hostCount(), m_window->fleetModel()->rowCount());
    const QString uri = m_window->fleetModel()->index(0, 0).data(FleetModel::UriRole).toString();
    QTRY_VERIFY(
        m_window->hostStatusBar()->itemText(uri).contains(hostStateName(HostState::Connected)));
}

void TestMainWindow::hostsDialogExplainsBadUri()
{
    HostsDialog dialog(m_engine.get(), m_window.get());
    dialog.uriEdit()->setText(QStringLiteral("qemu+ssh:///system"));
    QVERIFY(!dialog.addFromField());
    QVERIFY(!dialog.errorText().isEmpty());
    dialog.uriEdit()->setText(QStringLiteral("not a uri"));
    QVERIFY(dialog.errorText().isEmpty()); // editing clears the old verdict
    QVERIFY(!dialog.addFromField());
    QVERIFY(dialog.errorText().contains(QStringLiteral("not a uri")));

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY(dialog.grab().save(artifactsDir() + QStringLiteral("/hosts-dialog.png")));
    QCOMPARE(m_engine->hosts().size(), m_window->fleetModel()->rowCount());
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    for (const bool dark : { false, true }) {
        for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
            const QByteArray tag = QByteArray::number(size.width()) + 'x'
                + QByteArray::number(size.height()) + (dark ? "-dark" : "-light");
            QTest::newRow(tag.constData()) << size << dark;
        }
    }
}

void TestMainWindow::screenshots()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    QVERIFY(!m_vmUuid.isEmpty());
    const QString dir = artifactsDir();
    QVERIFY(QDir().mkpath(dir));

    m_window->setDarkTheme(dark);
    m_window->resize(size);
    const QString suffix = QStringLiteral("-%1x%2-%3.png")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    const auto save = [&](const QString &page) {
        QTest::qWait(600); // layouts settle, charts redraw (their refresh is coalesced)
        const QPixmap shot = m_window->grab();
        QCOMPARE(shot.size(), size);
        const QString path = dir + u'/' + page + suffix;
        QVERIFY2(shot.save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    };

    m_window->showOverview();
    save(QStringLiteral("overview"));
    m_window->showVm(m_vmUri, m_vmUuid);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());
    save(QStringLiteral("vm"));
    m_window->showHost(m_vmUri);
    save(QStringLiteral("host"));
    QVERIFY(m_window->hostPage()->pointCount() >= 1);
}

int main(int argc, char **argv)
{
    // Headless unless the caller asked for a platform (e.g. to watch the run).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral("test"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
