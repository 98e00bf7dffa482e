/**
 * The workload API of the local edge, as the IoT Edge security daemon serves it to modules: modules started
 * without a connection string get the {@code IOTEDGE_*} environment and sign their SAS tokens and fetch the
 * CA trust bundle here. Served over HTTP on loopback: the Java SDK 2.5.0 reaches a {@code unix://} workload URI
 * only through an application-supplied socket channel, so with {@code createFromEnvironment(null, ...)} it needs
 * {@code http://}, and sends plain HTTP only to {@code localhost}: the API listens on 127.0.0.1 (a port of its own
 * per edge) and modules get {@code http://localhost:<port>/}.
 */
package io.edgestudio.hub.workload;
