package io.edgestudio.dsl.ide.quickfix;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The document a code action request is about, with its parsed resource.
 *
 * @param uri the document URI as the client sent it, the key of edits to this document
 */
record FixContext(String uri, XtextResource resource, Document document) {

	/** The text of the document in this range. */
	String text(Range range) {
		return document.getContents().substring(document.getOffSet(range.getStart()), document.getOffSet(range.getEnd()));
	}

	/** The innermost model element at the start of the range. */
	EObject elementAt(Range range) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), document.getOffSet(range.getStart()));
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}
}
