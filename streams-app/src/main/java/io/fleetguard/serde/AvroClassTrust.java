package io.fleetguard.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro instantiate FleetGuard's generated classes without the user setting
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 *
 * <p>Since 1.12 Avro refuses to load any class named by a schema unless a global
 * {@link ClassSecurityValidator} trusts it (a defence against schemas that name arbitrary
 * classes); 1.12.2 applies that to SpecificRecord classes too. The system property is read
 * once, when Avro first loads the validator, so setting it at run time is unreliable. The
 * supported programmatic way is {@link ClassSecurityValidator#setGlobal}: this class adds
 * trust for exactly one package, {@value #SCHEMA_PACKAGE}, on top of whatever policy is
 * installed (system properties included), and never widens trust beyond it.
 */
public final class AvroClassTrust {

    /** The namespace of FleetGuard's contracts; nothing but generated classes lives there. */
    static final String SCHEMA_PACKAGE = "io.fleetguard.schema";

    /** The predicate this class last installed; guarded by the class lock. */
    private static ClassSecurityPredicate installed;

    private AvroClassTrust() {
    }

    /**
     * Makes sure Avro's global policy trusts {@value #SCHEMA_PACKAGE}. Cheap and idempotent;
     * called by every serializer and deserializer before first use. If something replaced the
     * global policy since, the trust is added again on top of the replacement.
     */
    public static synchronized void trustSchemaPackage() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current == installed) {
            return;
        }
        installed = new SchemaPackageOr(current);
        ClassSecurityValidator.setGlobal(installed);
    }

    /** Trusts {@value #SCHEMA_PACKAGE}, defers everything else (and the refusal) to the previous policy. */
    private static final class SchemaPackageOr implements ClassSecurityPredicate {
        private final ClassSecurityPredicate previous;

        SchemaPackageOr(ClassSecurityPredicate previous) {
            this.previous = previous;
        }

        @Override
        public boolean isTrusted(Class<?> clazz) {
            return SCHEMA_PACKAGE.equals(clazz.getPackageName()) || previous.isTrusted(clazz);
        }

        @Override
        public void forbiddenClass(String className) {
            previous.forbiddenClass(className);
        }
    }
}
