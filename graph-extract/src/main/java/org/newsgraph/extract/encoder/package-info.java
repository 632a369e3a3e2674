/**
 * A small transformer encoder run offline with ONNX Runtime, which gives each word of a sentence a
 * vector read in its context, for the relation classifier to weigh beside its sparse features.
 */
package org.newsgraph.extract.encoder;
