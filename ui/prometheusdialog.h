#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Umbra {

class Engine;

// File → Prometheus…: whether this console serves its figures to Prometheus
// at /metrics, and where. The address is this machine's business, not the
// fleet's, so it is kept in the user's settings (kSettingsKey) and used at
// every start; --metrics-listen overrides it for one run.
class PrometheusDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr char kSettingsKey[] = "metrics/listen";

    explicit PrometheusDialog(Engine *engine, QWidget *parent = nullptr);

    QCheckBox *serveBox() const { return m_serve; }
    QLineEdit *addressEdit() const { return m_address; }
    QString errorText() const;

    // Serves (or stops serving) as asked and keeps the choice; stays open
    // with the reason when the address is not one.
    void accept() override;

private:
    void showState();

    Engine *m_engine;
    QCheckBox *m_serve = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Umbra
