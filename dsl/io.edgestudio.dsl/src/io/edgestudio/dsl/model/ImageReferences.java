package io.edgestudio.dsl.model;

import java.util.regex.Pattern;

/**
 * The Docker image reference syntax ({@code [registry[:port]/]path[:tag][@digest]}), as in
 * distribution/reference's grammar. Placeholders that tools substitute before deployment stand for any
 * valid part: {@code ${MODULES.Filter}} and {@code $VAR}/{@code ${VAR}} of the IoT Edge tooling's templates,
 * {@code $upstream} (the parent device in nested IoT Edge) and pipeline tokens such as {@code <Build.BuildNumber>}.
 */
public final class ImageReferences {

	private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
	private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
	private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
	private static final String TAG = "[\\w][\\w.-]{0,127}";
	private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
	private static final Pattern REFERENCE = Pattern.compile(
			"(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*"
					+ "(?::" + TAG + ")?(?:@" + DIGEST + ")?");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]+}|\\$[A-Za-z_][A-Za-z0-9_]*|<[^<>\\s]+>");

	private ImageReferences() {
	}

	/** Whether {@code image} is a syntactically valid image reference. */
	public static boolean isValid(String image) {
		return image != null && image.length() <= 255 + 128 + 72
				&& REFERENCE.matcher(PLACEHOLDER.matcher(image).replaceAll("x")).matches();
	}
}
