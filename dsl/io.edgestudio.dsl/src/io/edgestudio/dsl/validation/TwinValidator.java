package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_VALUE__DEFAULT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_VALUE__TYPE;

import io.edgestudio.dsl.edge.Constraint;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.LengthConstraint;
import io.edgestudio.dsl.edge.Literal;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.RangeConstraint;
import io.edgestudio.dsl.edge.TwinValue;
import io.edgestudio.dsl.edge.ValuesConstraint;
import io.edgestudio.dsl.model.TwinTypes;
import java.util.Optional;
import org.eclipse.xtext.validation.Check;

/**
 * Twin schemas: no arrays (IoT Hub rejects them), constraints that fit the property's type, and
 * defaults of the right type inside their bounds.
 */
public class TwinValidator extends EdgeCheckBase {

	@Check
	public void checkNoArrays(TwinValue value) {
		if (value.getType() instanceof DataTypeRef ref && ref.getType() instanceof MessageType message) {
			TwinTypes.listField(message).ifPresent(field -> error("Twin property '" + value.getName() + "' uses " + message.getName()
					+ ", whose field '" + field.getName() + "' is a list; module twins cannot hold arrays. "
					+ "Use a nested object with named members instead.", TWIN_VALUE__TYPE, IssueCodes.TWIN_ARRAY));
		}
	}

	@Check
	public void checkRangeConstraint(RangeConstraint range) {
		TwinValue value = (TwinValue) range.eContainer();
		if (!TwinTypes.isNumeric(value.getType())) {
			error("'range' applies to numbers only; '" + value.getName() + "' is " + TwinTypes.describe(value.getType()) + ".",
					null, IssueCodes.INVALID_CONSTRAINT);
		} else if (range.getMin() != null && range.getMax() != null && range.getMin().compareTo(range.getMax()) > 0) {
			error("The lower bound of this range is above its upper bound: swap them.", null, IssueCodes.INVALID_CONSTRAINT);
		}
	}

	@Check
	public void checkLengthConstraint(LengthConstraint length) {
		TwinValue value = (TwinValue) length.eContainer();
		if (!TwinTypes.isString(value.getType())) {
			error("'length' applies to strings only; '" + value.getName() + "' is " + TwinTypes.describe(value.getType()) + ".",
					null, IssueCodes.INVALID_CONSTRAINT);
		} else if (length.getMin() != null && length.getMax() != null && length.getMin() > length.getMax()) {
			error("The minimum length is above the maximum: swap them.", null, IssueCodes.INVALID_CONSTRAINT);
		}
	}

	@Check
	public void checkAllowedValues(ValuesConstraint values) {
		TwinValue value = (TwinValue) values.eContainer();
		for (Literal literal : values.getValues()) {
			if (!TwinTypes.isOfType(literal, value.getType())) {
				error("Allowed value " + TwinTypes.text(literal) + " is not " + TwinTypes.describe(value.getType()) + ".",
						literal, null, IssueCodes.INVALID_CONSTRAINT);
			}
		}
	}

	@Check
	public void checkDefaultType(TwinValue value) {
		if (value.getDefault() != null && !TwinTypes.isOfType(value.getDefault(), value.getType())) {
			error("Default " + TwinTypes.text(value.getDefault()) + " is not " + TwinTypes.describe(value.getType())
					+ ": write a value of the property's type.", TWIN_VALUE__DEFAULT, IssueCodes.DEFAULT_TYPE_MISMATCH);
		}
	}

	@Check
	public void checkDefaultInBounds(TwinValue value) {
		if (value.getDefault() == null || !TwinTypes.isOfType(value.getDefault(), value.getType())) {
			return;
		}
		for (Constraint constraint : value.getConstraints()) {
			Optional<String> violation = TwinTypes.violation(value.getDefault(), constraint);
			if (violation.isPresent()) {
				error("Default " + TwinTypes.text(value.getDefault()) + " " + violation.get() + ": change the default or the bound.",
						TWIN_VALUE__DEFAULT, IssueCodes.DEFAULT_OUT_OF_BOUNDS);
				return;
			}
		}
	}
}
