package io.edgestudio.ui.internal.wizards;

/** The example solution a new Edge Solution project starts with. */
final class ExampleSolution {

    private ExampleSolution() {
    }

    /** A solution name from a project name: letters and digits, starting with a capital. */
    static String solutionName(String projectName) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : projectName.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Solution");
        }
        return name.toString();
    }

    static String fileName(String projectName) {
        return projectName.toLowerCase().replaceAll("[^a-z0-9_-]", "-") + ".edge";
    }

    static String text(String solutionName) {
        return """
                /** %1$s: a simulated temperature sensor, a filter with a twin threshold, and the cloud. */
                solution %1$s {
                    device "%2$s-dev"
                    platform amd64
                    storeAndForward ttl 2h
                }

                /** One reading of the machine and its surroundings. */
                message Telemetry {
                    machine: Machine
                    ambient: Ambient
                    timeCreated: datetime
                }

                message Machine {
                    temperature: double unit "degC"
                    pressure: double unit "bar"
                }

                message Ambient {
                    temperature: double unit "degC"
                    humidity: int unit "%%"
                }

                twin FilterSettings {
                    desired TemperatureThreshold: double = 25 range 0..150 "Machine temperature that raises an alert"
                    reported LastAlert: datetime
                }

                module SimulatedTemperatureSensor {
                    image "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5"
                    output temperatureOutput: Telemetry
                    env MessageCount = "500"
                }

                module Filter java {
                    input input1: Telemetry
                    output output1: Telemetry
                    twin FilterSettings
                }

                route SensorToFilter: SimulatedTemperatureSensor.temperatureOutput -> Filter.input1
                route FilterToCloud: Filter.output1 -> $upstream priority 0 ttl 1h
                """.formatted(solutionName, solutionName.toLowerCase());
    }
}
