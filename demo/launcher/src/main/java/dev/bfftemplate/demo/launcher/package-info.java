/**
 * Runs the whole stack on one machine with one command.
 */
package dev.bfftemplate.demo.launcher;
