#include "prometheusdialog.h"

#include "engine/engine.h"
#include "engine/metricsservice.h"
#include "metrics/listenaddress.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

namespace Umbra {

PrometheusDialog::PrometheusDialog(Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Prometheus"));

    auto *intro
        = new QLabel(tr("Prometheus can scrape this console's health scores, forecasts with their "
                        "bands, saturation times, anomalies and failure risks. docs/prometheus.md "
                        "has a scrape configuration, alerting rules and a Grafana dashboard."),
                     this);
    intro->setWordWrap(true);

    m_serve = new QCheckBox(tr("&Serve metrics at /metrics"), this);
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("9464 (this machine only), or 10.0.0.5:9464"));
    m_address->setClearButtonEnabled(true);
    m_state = new QLabel(this);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_error->hide();

    const MetricsService *metrics = engine ? engine->metrics() : nullptr;
    const bool serving = metrics && metrics->isServing();
    m_serve->setChecked(serving);
    m_address->setText(serving ? metrics->address().toString()
                               : QSettings().value(QLatin1String(kSettingsKey)).toString());
    m_address->setEnabled(m_serve->isChecked());
    connect(m_serve, &QCheckBox::toggled, m_address, &QWidget::setEnabled);
    connect(m_address, &QLineEdit::textEdited, m_error, &QWidget::hide);

    auto *form = new QFormLayout;
    form->addRow(m_serve);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("Now:"), m_state);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PrometheusDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);

    if (engine) {
        connect(engine->metrics(), &MetricsService::listening, this, &PrometheusDialog::showState);
        connect(engine->metrics(), &MetricsService::failed, this, [this](const QString &error) {
            m_error->setText(error);
            m_error->show();
        });
    }
    showState();
}

QString PrometheusDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PrometheusDialog::showState()
{
    const MetricsService *metrics = m_engine ? m_engine->metrics() : nullptr;
    m_state->setText(metrics && metrics->isServing() && metrics->address().port > 0
                         ? tr("serving at http://%1/metrics").arg(metrics->address().toString())
                         : tr("not serving"));
}

void PrometheusDialog::accept()
{
    if (!m_engine)
        return QDialog::accept();
    QSettings settings;
    if (!m_serve->isChecked()) {
        m_engine->metrics()->stop();
        settings.remove(QLatin1String(kSettingsKey));
        return QDialog::accept();
    }
    const auto address = Metrics::parseListenAddress(m_address->text());
    if (!address) {
        m_error->setText(address.error());
        m_error->show();
        return;
    }
    settings.setValue(QLatin1String(kSettingsKey), m_address->text().trimmed());
    m_engine->metrics()->listen(address.value());
    QDialog::accept();
}

} // namespace Umbra
