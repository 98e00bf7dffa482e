package io.edgestudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;

/**
 * Skeletons of the top-level elements (solution, message, twin, module, route), offered by content assist
 * where an element can start: at the beginning of a line, for the word typed so far.
 */
final class EdgeTemplates {

    private record Template(String name, String description, String body) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("solution", "solution with device, platform and store-and-forward", """
                    solution Name {
                        device "device-id"
                        platform amd64
                        storeAndForward ttl 2h
                    }"""),
            new Template("message", "message schema", """
                    message Name {
                        timeCreated: datetime
                        value: double unit "unit"
                    }"""),
            new Template("twin", "twin schema with a desired and a reported property", """
                    twin Name {
                        desired interval: int = 10 range 1..3600 "Seconds between readings"
                        reported lastUpdate: datetime
                    }"""),
            new Template("module", "module from a container image", """
                    module Name {
                        image "registry/image:1.0"
                        output output1: Message
                    }"""),
            new Template("module java", "Java module with generated skeleton", """
                    module Name java {
                        input input1: Message
                        output output1: Message
                    }"""),
            new Template("route", "route between modules or to the cloud", """
                    route Name: Module.output1 -> $upstream"""));

    private EdgeTemplates() {
    }

    /** Template proposals for the word before {@code offset}, if it starts a line. */
    static List<ICompletionProposal> proposals(IDocument document, int offset) {
        List<ICompletionProposal> proposals = new ArrayList<>();
        try {
            IRegion line = document.getLineInformationOfOffset(offset);
            String before = document.get(line.getOffset(), offset - line.getOffset());
            String indent = before.substring(0, before.length() - before.stripLeading().length());
            String word = before.strip();
            if (!word.chars().allMatch(Character::isLetter)) {
                return proposals;
            }
            for (Template template : TEMPLATES) {
                if (template.name().startsWith(word)) {
                    String text = template.body().replace("\n", "\n" + indent);
                    int start = offset - word.length();
                    proposals.add(new CompletionProposal(text, start, word.length(), text.indexOf("Name"), null,
                            template.name() + " - " + template.description(), null, null));
                }
            }
        } catch (BadLocationException e) {
            // offset outside the document: no templates
        }
        return proposals;
    }
}
